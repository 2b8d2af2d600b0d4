package dev.pooltags.lint;

import java.util.List;
import java.util.function.Consumer;

/** PT001: a string literal or an address passed where the tag goes (Code Analysis C28134). */
public final class StringTagRule extends CallRule {
    public StringTagRule() {
        super("PT001", LintContext::calls);
    }

    @Override
    protected void judge(LintContext ctx, Call c, Consumer<Finding> out) {
        Arg a = c.arg(c.routine().tagArg());
        if (a == null) {
            return;
        }
        Value v = ctx.tag(c);
        if (v.kind() == Value.Kind.STRING) {
            String msg = "the tag argument " + a.text() + " of " + c.routine().routineName() + " is a string"
                    + (v.named() != null ? " (" + v.named().name() + " is defined as " + v.text() + " at "
                            + v.named().where() + ")" : "")
                    + ": the routine receives its address, not four characters";
            Fix fix = null;
            String chars = stringChars(v.text());
            if (chars != null && v.literal() != null) {
                Location lit = Location.of(v.literalFile(), v.literal());
                fix = Fix.replace("Write the tag as the character literal '" + chars + "'", lit, v.literal().text(),
                        "'" + chars + "'");
            }
            out.accept(new Finding(id(), severity(), a.where(), msg, fix, List.of(), false));
        } else if (v.kind() == Value.Kind.ADDRESS) {
            out.accept(finding(a.where(), "the tag argument " + a.text() + " of " + c.routine().routineName()
                    + " is an address: the tag becomes the low 32 bits of a pointer"));
        }
    }

    /** The 1 to 4 plain characters of a simple string literal ("fByM"), else null. */
    static String stringChars(String literal) {
        if (literal == null || !literal.startsWith("\"") || !literal.endsWith("\"") || literal.length() < 3) {
            return null;
        }
        String inner = literal.substring(1, literal.length() - 1);
        if (inner.length() > 4 || inner.contains("\\") || inner.contains("'") || inner.contains("\"")) {
            return null;
        }
        return inner;
    }
}
