package dev.pooltags.lint;

import dev.pooltags.core.HelpText;
import dev.pooltags.core.RuleDescription;
import dev.pooltags.core.Severity;
import java.util.List;
import java.util.function.Consumer;

/**
 * A lint rule: a small stateless check with an id ({@code PT005}), a default severity, a one-line title and help
 * text that says how to fix what it finds. {@link #check} is called for each piece of the scan (a file's calls, the
 * pointer events of functions as they end) and {@link #finish} once at the end, for what needs every file (a
 * place followed across files, tags shared by two drivers); what a rule keeps in between lives in the run's
 * {@link LintContext#state}, not in the rule. Whether a finding is suppressed is decided afterwards, from the source.
 */
public abstract class Rule {
    private final RuleDescription description;
    private final Meta meta;

    /** A rule whose help is the resource {@code help/<id>.txt} beside its class ({@link HelpText}). */
    protected Rule(String id, String name, Severity severity, String title, Meta meta) {
        this.description = new RuleDescription(id, name, severity, title, HelpText.of(getClass(), id), meta.helpUri(), "");
        this.meta = meta;
    }

    public final String id() {
        return description.id();
    }

    /** A short PascalCase name (SARIF's rule name). */
    public final String name() {
        return description.name();
    }

    /**
     * The rule as the record every kind of rule shares: its id, name, severity, title and help, with Microsoft's
     * documentation of the mistake ({@link Meta#helpUri()}) as its source.
     */
    public final RuleDescription description() {
        return description;
    }

    public final Severity severity() {
        return description.severity();
    }

    /** One line: what the rule finds. */
    public final String title() {
        return description.title();
    }

    /** Why it matters and how to fix it, a few sentences of plain text (from {@code help/<id>.txt}). */
    public final String help() {
        return description.help();
    }

    /**
     * What code scanning tools show beside a rule (GitHub reads these SARIF rule properties): where the mistake is
     * documented, how often the rule is right, what kind of problem it is.
     *
     * @param helpUri          Microsoft's documentation of the mistake the rule finds
     * @param precision        very-high, high, medium or low: how often a finding is right, as measured on public trees
     * @param tags             labels to filter by
     * @param securitySeverity a score in (0, 10] for rules whose findings bug-check the machine, else null
     */
    public record Meta(String helpUri, String precision, List<String> tags, String securitySeverity) {
    }

    /** The rule's metadata for code scanning. */
    public final Meta meta() {
        return meta;
    }

    /** Judges one piece of the scan; may be called from several threads at once. */
    public abstract void check(LintContext ctx, Consumer<Finding> out);

    /** Reports what needs the whole scan, once, after every piece was checked. */
    public void finish(LintContext ctx, Consumer<Finding> out) {
    }

    /** Every rule, in id order. */
    public static List<Rule> all() {
        return List.of(new StringTagRule(), new DefaultTagRule(), new UntaggedAllocationRule(), new DeprecatedAllocatorRule(),
                new MismatchedFreeTagRule(), new ExecutableNonPagedPoolRule(), new MiniportKernelAllocatorRule(),
                new TagHygieneRule(), new PlaceWithSeveralTagsRule());
    }

    /** A finding of this rule at its default severity, without fix or related places. */
    protected final Finding finding(Location where, String message) {
        return new Finding(id(), severity(), where, message, null, List.of(), false);
    }
}
