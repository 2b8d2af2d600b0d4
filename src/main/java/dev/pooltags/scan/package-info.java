/**
 * Which driver uses which pool tag: for the routines of the catalogue whose compiled calls it describes
 * ({@link dev.pooltags.core.PoolRoutine#call()}: the export, the tag's position, the x86 stack slots), the call-site
 * decoders for x86, x64 and ARM64 that follow each
 * function's instructions and recover the tag argument ({@link dev.pooltags.scan.ImageScanner}), wrapper
 * recognition one level up, the byte-search fallback ({@link dev.pooltags.scan.ByteSearch}) and the answers of
 * {@code who} ({@link dev.pooltags.scan.WhoAnalysis}). Results are {@link dev.pooltags.scan.TagUse} records.
 * Only {@link dev.pooltags.scan.DriverFiles} touches the file system; everything else works on a
 * {@link dev.pooltags.pe.PeImage} already read.
 */
package dev.pooltags.scan;
