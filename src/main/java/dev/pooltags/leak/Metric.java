package dev.pooltags.leak;

/** What a trend is measured on: outstanding allocations (PoolMon's Diff) or bytes outstanding. */
public enum Metric {
    COUNT("allocations", "outstanding allocations"),
    BYTES("bytes", "bytes outstanding");

    private final String unit;
    private final String description;

    Metric(String unit, String description) {
        this.unit = unit;
        this.description = description;
    }

    /** The unit in words: {@code allocations}, {@code bytes}. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** The JSON name: {@code count}, {@code bytes}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
