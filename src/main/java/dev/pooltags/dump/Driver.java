package dev.pooltags.dump;

/**
 * A driver the dump lists: loaded (from the triage driver list) or unloaded before the crash.
 *
 * @param name      the file name ({@code amdppm.sys})
 * @param path      the full path as recorded ({@code \SystemRoot\System32\drivers\amdppm.sys}), or the name
 * @param base      where its image starts
 * @param size      the image's size in bytes (end minus start for unloaded drivers)
 * @param timestamp the PE header's TimeDateStamp, or 0 when the dump does not say
 * @param unloaded  true for a driver that had been unloaded
 */
public record Driver(String name, String path, long base, long size, long timestamp, boolean unloaded) {
    /** True when {@code address} falls inside the image. */
    public boolean contains(long address) {
        return size > 0 && Long.compareUnsigned(address, base) >= 0 && Long.compareUnsigned(address - base, size) < 0;
    }
}
