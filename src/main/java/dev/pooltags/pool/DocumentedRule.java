package dev.pooltags.pool;

import dev.pooltags.core.HelpText;
import dev.pooltags.core.RuleDescription;
import dev.pooltags.tag.PoolTag;

/**
 * The descriptive half every rule shares, kept as the one {@link RuleDescription} record: made once, when the rule is,
 * from the rule's {@link RuleInfo} and its help text, the resource {@code help/<id>.txt} beside this package's classes
 * ({@link HelpText}).
 */
abstract class DocumentedRule implements PoolRule {
    private final RuleDescription description;

    DocumentedRule() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null || info.bugCheck().length + (info.source().isEmpty() ? 0 : 1) != 1) {
            throw new IllegalStateException(getClass().getName() + " needs @RuleInfo with one bugCheck or one source");
        }
        String source = info.bugCheck().length == 1 ? info.bugCheck()[0].reference() : info.source();
        this.description = new RuleDescription(info.id(), RuleDescription.nameOf(getClass()), info.severity(), info.title(),
                HelpText.of(getClass(), info.id()), source, "");
    }

    @Override
    public final RuleDescription description() {
        return description;
    }

    @Override
    public String toString() {
        return description.id();
    }

    /** A caller written as a hex address ({@code 0x9a3bf6ac}, {@code fffff88002c62963}) as a number, else 0. */
    static long callerAddress(String caller) {
        String c = caller.trim();
        int sp = c.indexOf(' ');
        if (sp > 0) {
            c = c.substring(0, sp);
        }
        if (c.startsWith("0x") || c.startsWith("0X")) {
            c = c.substring(2);
        }
        c = c.replace("`", "");
        if (c.isEmpty() || c.length() > 16) {
            return 0;
        }
        for (int i = 0; i < c.length(); i++) {
            if (Character.digit(c.charAt(i), 16) < 0) {
                return 0;
            }
        }
        return Long.parseUnsignedLong(c, 16);
    }

    static String tagText(PoolTag t) {
        return "'" + t + "'";
    }
}
