package dev.pooltags.lint;

import dev.pooltags.core.DescribedRule;
import dev.pooltags.core.HelpText;
import dev.pooltags.core.RuleDescription;
import dev.pooltags.core.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A lint rule: a small stateless check with an id ({@code PT005}), a default severity, a one-line title and help
 * text that says how to fix what it finds. {@link #check} is called for each piece of the scan (a file's calls, the
 * pointer events of functions as they end) and {@link #finish} once at the end, for what needs every file (a
 * place followed across files, tags shared by two drivers); what a rule keeps in between lives in the run's
 * {@link LintContext#state}, not in the rule. Whether a finding is suppressed is decided afterwards, from the source.
 *
 * <p>What a rule says about itself is data beside the package's classes: one row per rule in {@code rules.tsv} (name,
 * severity, SARIF precision and security severity, tags, Microsoft's page, title) and its help in
 * {@code help/<id>.txt}; a rule class names its id and holds only its check.
 */
public abstract class Rule implements DescribedRule {
    private final RuleDescription description;
    private final Meta meta;

    /** The rules' descriptions, one row per rule id: the resource {@code rules.tsv} beside this class. */
    private static final Map<String, List<String>> TABLE = readTable();

    /**
     * The rule {@code id} as {@code rules.tsv} describes it (name, severity, precision, security severity, tags,
     * Microsoft's page, title), with its help from {@code help/<id>.txt} ({@link HelpText}).
     */
    protected Rule(String id) {
        List<String> row = TABLE.get(id);
        if (row == null) {
            throw new IllegalStateException("rule " + id + " has no row in dev/pooltags/lint/rules.tsv");
        }
        this.meta = new Meta(row.get(6), row.get(3), List.of(row.get(5).split(",")), row.get(4).isEmpty() ? null : row.get(4));
        this.description = new RuleDescription(id, row.get(1), Severity.valueOf(row.get(2).toUpperCase(Locale.ROOT)),
                row.get(7), HelpText.of(getClass(), id), meta.helpUri(), "");
    }

    /** Reads {@code rules.tsv}: a header line, then one tab-separated row per rule, its id first. */
    private static Map<String, List<String>> readTable() {
        Map<String, List<String>> rows = new HashMap<>();
        List<String> lines = HelpText.bundled(Rule.class, "rules.tsv").lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = List.of(line.split("\t", -1));
            rows.put(row.get(0), row);
        }
        return rows;
    }

    /**
     * The rule as the record every kind of rule shares: its id, name, severity, title and help, with Microsoft's
     * documentation of the mistake ({@link Meta#helpUri()}) as its source.
     */
    @Override
    public final RuleDescription description() {
        return description;
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
