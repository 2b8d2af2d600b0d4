package dev.pooltags.lint;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A rule that judges each call by itself (PT001-PT004, PT006, PT007): which calls of a piece of the scan it looks at
 * is given when it is made, the loop over them is here, and the rule says what one call is wrong about.
 */
public abstract class CallRule extends Rule {
    private final Function<LintContext, List<Call>> calls;

    /** {@code calls}: the calls of a piece the rule judges, such as {@code LintContext::calls}. */
    protected CallRule(String id, Function<LintContext, List<Call>> calls) {
        super(id);
        this.calls = calls;
    }

    /** A rule over the calls of {@code routines} it should report ({@link LintContext#callsToReportOf}). */
    protected CallRule(String id, Set<? extends Routine> routines) {
        this(id, ctx -> ctx.callsToReportOf(routines));
    }

    @Override
    public final void check(LintContext ctx, Consumer<Finding> out) {
        for (Call c : calls.apply(ctx)) {
            judge(ctx, c, out);
        }
    }

    /** Reports what is wrong with one call, if anything; may be called from several threads at once. */
    protected abstract void judge(LintContext ctx, Call c, Consumer<Finding> out);
}
