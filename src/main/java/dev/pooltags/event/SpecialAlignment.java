package dev.pooltags.event;

import java.util.Locale;

/**
 * Where special pool puts a block on its page, per
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool memory corruption
 * detection</a>: "Verify End" (the default) places the block at the end of its page so an overrun hits the next,
 * inaccessible page at once; "Verify Start" places it at the start so an underrun does, and an overrun is found when
 * the block is freed.
 */
public enum SpecialAlignment {
    VERIFY_END,
    VERIFY_START;

    /** What traces write: the word after "Verify", {@code end} or {@code start}. */
    public String label() {
        return name().substring("VERIFY_".length()).toLowerCase(Locale.ROOT);
    }

    /** {@code end} or {@code start} (also the enum names). */
    public static SpecialAlignment parse(String s) {
        for (SpecialAlignment a : values()) {
            if (a.label().equalsIgnoreCase(s.trim()) || a.name().equalsIgnoreCase(s.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not a special pool alignment (end or start)");
    }
}
