package dev.pooltags.pool;

import dev.pooltags.core.HelpText;
import dev.pooltags.core.RuleDescription;
import dev.pooltags.core.Severity;
import dev.pooltags.tag.PoolTag;

/**
 * The descriptive half every rule shares, kept as the one {@link RuleDescription} record. The help text is the resource
 * {@code help/<id>.txt} beside this package's classes ({@link HelpText}), read once when the rule is made.
 */
abstract class DocumentedRule implements PoolRule {
    private final RuleDescription description;

    DocumentedRule(String id, Severity severity, String title, String source) {
        this.description = new RuleDescription(id, RuleDescription.nameOf(getClass()), severity, title,
                HelpText.of(getClass(), id), source, "");
    }

    /** A rule whose source is the Microsoft page of the bug check it raises. */
    DocumentedRule(String id, Severity severity, String title, BugCheckCode source) {
        this(id, severity, title, source.reference());
    }

    @Override
    public final RuleDescription description() {
        return description;
    }

    @Override
    public final String id() {
        return description.id();
    }

    @Override
    public final Severity severity() {
        return description.severity();
    }

    @Override
    public final String title() {
        return description.title();
    }

    @Override
    public final String help() {
        return description.help();
    }

    @Override
    public final String source() {
        return description.source();
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
