package dev.pooltags.leak;

/** The shape a metric's series was found to have; it decides which verdicts are possible. */
public enum Pattern {
    /** Only one or two samples, or no time between them. */
    TOO_SHORT("too few samples"),
    /** The same value throughout. */
    CONSTANT("constant"),
    /** No significant growth: noise around a level, or shrinking. */
    FLAT("no significant growth"),
    /** Significant decrease. */
    SHRINKING("shrinking"),
    /** Growth at a steady rate through the window. */
    STEADY_GROWTH("steady growth"),
    /** Level first, growing since a point in the window (a leak that began while sampling). */
    GROWTH_AFTER_LEVEL("growing since a level"),
    /** Growth that slowed down markedly and is still rising a little. */
    SLOWING("growth slowing down"),
    /** Growth whose rate falls off the way a warm-up does: approaching a level (a queue or cache filling). */
    SATURATING("approaching a level"),
    /** Grew like a leak for a long time, then stopped only recently: the growth phase still decides. */
    GROWTH_PAUSED("growth paused"),
    /** Grew, then levelled off and held (a cache that filled up). */
    LEVELLED_OFF("levelled off"),
    /** One jump, level before and after. */
    STEP("one-off step"),
    /** Memory given back: drops that return most of the growth (sawtooth, a test run that cleaned up). */
    RELEASED("released"),
    /** Drops return memory, but the level it returns to keeps rising (a leak under a working set). */
    RISING_FLOOR("rising floor under releases");

    private final String words;

    Pattern(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
