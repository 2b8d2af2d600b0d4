package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a log into commands at its prompts: the kernel debugger's {@code kd>}, {@code 0: kd>}, {@code 1: kd:x86>},
 * local kernel debugging's {@code lkd>}, user mode's {@code 0:000>} (so its commands are listed), and a command prompt's
 * {@code C:\>} or {@code PS C:\>} (for {@code verifier /query} pasted beside the debugger's output). Text before the first
 * prompt, and a file with no prompt at all, is pasted output: it becomes a command of the kind its lines show
 * ({@link CommandKind#sniff}), or is passed over when they show none.
 */
final class LogSplitter {
    private static final Pattern KERNEL = Pattern.compile("^\\s*(?:\\d+:\\s*)?l?kd(?::\\w+)?>(?: (.*)|(.*))$", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER = Pattern.compile("^\\s*\\d+:\\d+(?::\\w+)?>(?: (.*)|(.*))$");
    private static final Pattern SHELL = Pattern.compile("^\\s*(?:PS )?[A-Za-z]:(?:\\\\[^>]*)?>(?: (.*)|(.*))$");

    private LogSplitter() {}

    /** The prompt at the start of the line and what follows it, or null when the line has no prompt. */
    static String[] prompt(String line) {
        int gt = line.indexOf('>');
        if (gt < 0 || gt > 260) {
            return null; // every prompt has its '>' near the start; most lines have none
        }
        for (Pattern p : new Pattern[] {KERNEL, USER, SHELL}) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                String command = m.group(1) != null ? m.group(1) : m.group(2);
                int end = m.start(m.group(1) != null ? 1 : 2);
                return new String[] {line.substring(0, end).strip(), command.strip()};
            }
        }
        return null;
    }

    /** The commands of the log; empty commands (a bare prompt) end the previous output and are dropped. */
    static List<DebuggerCommand> split(String file, List<String> lines) {
        List<DebuggerCommand> out = new ArrayList<>();
        int start = 0;
        String[] current = null;
        int currentLine = -1;
        for (int i = 0; i <= lines.size(); i++) {
            String[] p = i < lines.size() ? prompt(lines.get(i)) : new String[] {"", ""};
            if (p == null) {
                continue;
            }
            List<String> output = lines.subList(start, i);
            if (current == null) {
                if (hasText(output)) {
                    CommandKind k = CommandKind.sniff(output);
                    if (k != CommandKind.OTHER) {
                        out.add(new DebuggerCommand(Origin.line(file, firstText(output) + start + 1L), "", "", k, output, start + 1L));
                    }
                }
            } else if (!current[1].isEmpty()) {
                out.add(new DebuggerCommand(Origin.line(file, currentLine + 1L), current[0], current[1], CommandKind.ofCommand(current[1]),
                        output, currentLine + 2L));
            }
            current = p;
            currentLine = i;
            start = i + 1;
        }
        return out;
    }

    private static boolean hasText(List<String> lines) {
        return firstText(lines) >= 0;
    }

    private static int firstText(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
