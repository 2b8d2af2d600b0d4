package dev.pooltags.lint;

import java.util.List;
import java.util.function.Consumer;

/**
 * A lint rule: a small stateless check with an id ({@code PT005}), a default severity, a one-line title and help
 * text that says how to fix what it finds. {@link #check} looks at the whole context and reports findings; whether
 * a finding is suppressed is decided afterwards, from the source.
 */
public interface Rule {
    String id();

    /** A short PascalCase name (SARIF's rule name). */
    String name();

    Severity severity();

    /** One line: what the rule finds. */
    String title();

    /** Why it matters and how to fix it, a few sentences of plain text. */
    String help();

    void check(LintContext ctx, Consumer<Finding> out);

    /** Every rule, in id order. */
    static List<Rule> all() {
        return List.of(new StringTagRule(), new DefaultTagRule(), new UntaggedAllocationRule(), new DeprecatedAllocatorRule(),
                new MismatchedFreeTagRule(), new ExecutableNonPagedPoolRule(), new MiniportKernelAllocatorRule(),
                new TagHygieneRule());
    }

    default Finding finding(Location where, String message) {
        return new Finding(id(), severity(), where, message, null, List.of(), false);
    }
}
