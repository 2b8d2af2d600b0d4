package dev.pooltags.leak;

/** What a trend is measured on: outstanding allocations (PoolMon's Diff) or bytes outstanding. */
public enum Metric {
    COUNT,
    BYTES;

    /** The JSON name: {@code count}, {@code bytes}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
