package dev.pooltags.tag;

/**
 * Which pool a per-tag row counts: PoolMon and {@code SystemPoolTagInformation} keep paged and nonpaged
 * allocations of one tag apart (PoolMon's Type column reads {@code Paged} or {@code Nonp}).
 */
public enum PoolType {
    PAGED("Paged"),
    NONPAGED("Nonp");

    private final String poolmonName;

    PoolType(String poolmonName) {
        this.poolmonName = poolmonName;
    }

    /** The Type column as PoolMon prints it. */
    public String poolmonName() {
        return poolmonName;
    }

    /** Reads PoolMon's and WinDbg's spellings: Paged, Nonp, NonPaged, Nonpaged, P, NP (case-insensitive). */
    public static PoolType parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "paged", "p", "paged pool", "pagedpool" -> PAGED;
            case "nonp", "nonpaged", "np", "nonpaged pool", "nonpagedpool", "nonpagednx" -> NONPAGED;
            default -> throw new IllegalArgumentException("'" + s + "' is not a pool type (Paged or Nonp)");
        };
    }
}
