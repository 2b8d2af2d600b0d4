package dev.pooltags.event;

/**
 * Where special pool puts a block on its page, per
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool">Special pool memory corruption
 * detection</a>: "Verify End" (the default) places the block at the end of its page so an overrun hits the next,
 * inaccessible page at once; "Verify Start" places it at the start so an underrun does, and an overrun is found when
 * the block is freed.
 */
public enum SpecialAlignment {
    VERIFY_END("end"),
    VERIFY_START("start");

    private final String label;

    SpecialAlignment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code end} or {@code start} (also the enum names). */
    public static SpecialAlignment parse(String s) {
        for (SpecialAlignment a : values()) {
            if (a.label.equalsIgnoreCase(s.trim()) || a.name().equalsIgnoreCase(s.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + s + "' is not a special pool alignment (end or start)");
    }
}
