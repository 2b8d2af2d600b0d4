package dev.pooltags.event;

import java.util.Locale;

/**
 * The Driver Verifier options the pool model acts on: Special Pool (flag 0x1) and Pool Tracking (flag 0x8), per
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool</a> and
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/pool-tracking">Pool Tracking</a>.
 */
public enum VerifierOption {
    SPECIAL_POOL,
    POOL_TRACKING;

    /** The name written in traces: {@code special-pool}, {@code pool-tracking}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code special-pool}, {@code pool-tracking} (or the enum names). */
    public static VerifierOption parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (VerifierOption o : values()) {
            if (o.label().equals(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not a verifier option (special-pool, pool-tracking)");
    }
}
