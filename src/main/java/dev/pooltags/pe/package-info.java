/**
 * A PE32/PE32+ reader written for pooltags: headers, sections, RVA to file offset, import and delay-import
 * directories with the address of every import slot, exports, base relocations and {@code .pdata} function
 * ranges. {@link dev.pooltags.pe.PeReader} maps a file read-only and checks every offset it follows, so a
 * truncated or hostile file is an {@link dev.pooltags.source.InputException} naming the file and the problem,
 * never an exception escaping or a loop that does not end. {@link dev.pooltags.pe.PeImage} is what it reads.
 */
package dev.pooltags.pe;
