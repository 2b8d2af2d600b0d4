package dev.pooltags.poolblock;

import dev.pooltags.tag.PoolType;
import java.util.Locale;
import java.util.Optional;

/**
 * Which pool a page or block belongs to, as the debugger names it ({@code !pool}'s {@code region is Nonpaged pool},
 * {@code !poolfind}'s {@code Searching NonPaged pool}, a block's {@code Nonpaged pool}) or as a dump's pool header
 * encodes it (the pool type's paged bit and session bit).
 */
public enum PoolRegion {
    NONPAGED("Nonpaged pool"),
    PAGED("Paged pool"),
    SESSION_NONPAGED("Nonpaged session pool"),
    SESSION_PAGED("Paged session pool"),
    /** Special pool: the region a special-pool page lies in (the block itself is paged or nonpaged). */
    SPECIAL("Special pool"),
    UNKNOWN("Unknown");

    private final String text;

    PoolRegion(String text) {
        this.text = text;
    }

    /** A name for people, close to the debugger's ({@code Nonpaged pool}). */
    public String text() {
        return text;
    }

    /** Paged or nonpaged, when the region says which; special and unknown regions do not. */
    public Optional<PoolType> poolType() {
        return switch (this) {
            case NONPAGED, SESSION_NONPAGED -> Optional.of(PoolType.NONPAGED);
            case PAGED, SESSION_PAGED -> Optional.of(PoolType.PAGED);
            case SPECIAL, UNKNOWN -> Optional.empty();
        };
    }

    /** True for session pool. */
    public boolean session() {
        return this == SESSION_NONPAGED || this == SESSION_PAGED;
    }

    /**
     * Reads the debugger's wording, case-insensitively: {@code Nonpaged pool}, {@code NonPaged}, {@code Paged pool},
     * {@code Paged session pool}, {@code session nonpaged}, {@code Special pool}, {@code Unknown}; anything else is
     * {@link #UNKNOWN}.
     */
    public static PoolRegion parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("-", "");
        boolean session = t.contains("session");
        if (t.contains("special")) {
            return SPECIAL;
        }
        if (t.contains("nonpaged") || t.contains("non paged")) {
            return session ? SESSION_NONPAGED : NONPAGED;
        }
        if (t.contains("paged")) {
            return session ? SESSION_PAGED : PAGED;
        }
        return UNKNOWN;
    }
}
