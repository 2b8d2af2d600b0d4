/**
 * Windows kernel crash dumps, read without symbols on any OS: the dump file's headers (32-bit {@code PAGEDUMP} and
 * 64-bit {@code PAGEDU64}), its kind (complete memory dumps with physical memory runs, the bitmap and range layouts of
 * kernel, automatic and active dumps, small triage dumps with their driver lists and captured data blocks), the bug
 * check explained from Microsoft's Bug Check Code Reference ({@link dev.pooltags.dump.BugCheckReference}), which
 * driver the evidence points at ({@link dev.pooltags.dump.CrashAnalysis}), the pool blocks in the captured memory
 * ({@link dev.pooltags.dump.PoolScanner}) with a per-tag summary, and a fleet's dumps grouped for triage
 * ({@link dev.pooltags.dump.FleetTriage}).
 *
 * <p>A dump is read through a memory map ({@link dev.pooltags.dump.DumpFile}), never whole, and every size, count
 * and offset the file claims is checked against the file before it is used: a bad field is an
 * {@link dev.pooltags.source.InputException} naming the field; a file that ends early is read as far as it goes and
 * says where it ends. The reader never prints; the analyses never read files.
 */
package dev.pooltags.dump;
