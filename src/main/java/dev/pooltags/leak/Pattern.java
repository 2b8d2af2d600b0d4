package dev.pooltags.leak;

import dev.pooltags.core.HelpText;
import dev.pooltags.core.RuleDescription;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The shape a metric's series was found to have; it decides which verdicts are possible. Each pattern describes itself
 * with the {@link RuleDescription} lint rules and pool rules carry: its id (as written in JSON), the severity of the
 * strongest verdict it can give, a title (what each constant is) and its long help ({@code help/<id>.txt} beside this
 * class).
 */
public enum Pattern {
    TOO_SHORT("too few samples", Verdict.EARLY, "Only one, two or three samples, or no time between them"),
    CONSTANT("constant", Verdict.STABLE, "The same value throughout"),
    FLAT("no significant growth", Verdict.STABLE, "No significant growth: noise around a level"),
    SHRINKING("shrinking", Verdict.STABLE, "Significant decrease: memory is being given back"),
    STEADY_GROWTH("steady growth", Verdict.LEAK, "Growth at a steady rate through the window, never given back"),
    GROWTH_AFTER_LEVEL("growing since a level", Verdict.LEAK,
            "A level first, growing since a point in the window (a leak that began while sampling)"),
    SLOWING("growth slowing down", Verdict.GROWING, "Growth that slowed to under half its rate and still rises a little"),
    SATURATING("approaching a level", Verdict.GROWING,
            "Growth whose rate falls off the way a warm-up does (a queue or cache filling)"),
    GROWTH_PAUSED("growth paused", Verdict.LEAK,
            "Grew like a leak for a long time, then stopped only recently: the growth phase still decides"),
    LEVELLED_OFF("levelled off", Verdict.GROWING, "Grew, then levelled off and held (a cache that filled up)"),
    STEP("one-off step", Verdict.GROWING, "One jump, level before and after"),
    RELEASED("released", Verdict.GROWING,
            "Memory given back: drops that return most of the growth (a sawtooth, a test run that cleaned up)"),
    RISING_FLOOR("rising floor under releases", Verdict.LEAK,
            "Drops return memory, but the level they return to keeps rising (a leak under a working set)");

    /** Microsoft's documented way of finding a pool leak from a series of samples, which these patterns automate. */
    static final String SOURCE = "https://learn.microsoft.com/en-us/windows-hardware/drivers/devtest/poolmon-examples";

    private final String words;
    private final Verdict strongest;
    private final String title;

    Pattern(String words, Verdict strongest, String title) {
        this.words = words;
        this.strongest = strongest;
        this.title = title;
    }

    /** The words shown to people: {@code steady growth}. */
    public String words() {
        return words;
    }

    /** The id written in JSON and naming the help: {@code steady-growth}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The strongest verdict a series of this shape can get. */
    public Verdict strongest() {
        return strongest;
    }

    /** What this pattern says about itself, for a listing or a help page. */
    public RuleDescription description() {
        return Descriptions.ALL.get(this);
    }

    /** Built on first use, so judging a series never reads the help resources. */
    private static final class Descriptions {
        static final Map<Pattern, RuleDescription> ALL = build();

        private static Map<Pattern, RuleDescription> build() {
            Map<Pattern, RuleDescription> m = new EnumMap<>(Pattern.class);
            for (Pattern p : values()) {
                StringBuilder name = new StringBuilder();
                for (String word : p.name().split("_")) {
                    name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
                }
                m.put(p, new RuleDescription(p.id(), name.toString(), p.strongest.severity(), p.title,
                        HelpText.of(Pattern.class, p.id()), SOURCE, ""));
            }
            return m;
        }
    }
}
