package dev.pooltags.debugger;

import dev.pooltags.source.DebuggerNoise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frames of a {@code k}, {@code kb}, {@code kn}, {@code kv}, {@code kp} or {@code kc} listing: with or without frame
 * numbers, 32-bit ({@code ChildEBP RetAddr}) or 64-bit ({@code Child-SP RetAddr}) columns, {@code kb}'s
 * {@code : Args to Child :} columns, inline frames ({@code (Inline Function) --------`--------}), and source
 * locations in brackets, which are dropped.
 */
final class StackText {
    private static final Pattern HEADER = Pattern.compile("^\\s*(#\\s+)?(Child-SP|ChildEBP)\\s+RetAddr.*$");
    private static final Pattern FRAME_NO = Pattern.compile("^\\s*[0-9a-fA-F]{2,3}\\s+");
    private static final Pattern ADDRESS = Pattern.compile("[0-9a-fA-F`]{8,17}|-{8}`-{8}|-{8}");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\[[^\\]]*\\]\\s*$");
    private static final Pattern SYMBOL = Pattern.compile("^[\\w$.@?<>:~-]+![^\\s]+$|^0x[0-9a-fA-F`]+$|^[0-9a-fA-F`]{8,17}$|^[\\w$.-]+\\+0x[0-9a-fA-F]+$");

    private StackText() {}

    static List<String> frames(DebuggerCommand c, Consumer<LogProblem> problems) {
        List<String> out = new ArrayList<>();
        for (DebuggerCommand.Line l : c.lines()) {
            String line = l.text();
            if (DebuggerNoise.isInterrupt(line) || HEADER.matcher(line).matches()) {
                continue;
            }
            String f = frame(line);
            if (f == null) {
                problems.accept(new LogProblem(l.at(), c.label(), "bad-line", "not a stack frame: '"
                        + PoolFindText.shorten(line.strip()) + "'"));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /** The call site of one stack line ({@code module!function+0x12}), or null when the line is not a frame. */
    static String frame(String line) {
        String s = SOURCE.matcher(line).replaceFirst("");
        int colon = s.lastIndexOf(" : ");
        if (colon >= 0) {
            s = s.substring(colon + 3); // kb / kv: the call site follows the last " : "
        } else {
            Matcher n = FRAME_NO.matcher(s);
            if (n.find()) {
                s = s.substring(n.end());
            }
            s = s.strip();
            if (s.startsWith("(Inline Function)")) {
                s = s.substring("(Inline Function)".length()).strip();
            }
            for (int k = 0; k < 2; k++) {
                int sp = s.indexOf(' ');
                if (sp < 0) {
                    break;
                }
                if (ADDRESS.matcher(s.substring(0, sp)).matches()) {
                    s = s.substring(sp).strip();
                }
            }
        }
        s = s.strip();
        int sp = s.indexOf(' ');
        String site = sp < 0 ? s : s.substring(0, sp);
        int fpo = site.indexOf('(');
        if (fpo > 0) {
            site = site.substring(0, fpo);
        }
        return SYMBOL.matcher(site).matches() ? site : null;
    }
}
