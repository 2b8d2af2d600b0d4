package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import dev.pooltags.source.DebuggerNoise;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One command of a log and its output, as the prompt delimits it.
 *
 * @param origin     the line of the prompt (for pasted output without a prompt, its first line)
 * @param prompt     the prompt as typed ({@code 0: kd>}, {@code kd>}, {@code lkd>}, {@code C:\>}); empty for pasted output
 * @param command    what was typed after the prompt; empty for pasted output
 * @param kind       what the reader made of it
 * @param output     the output lines, in order
 * @param firstLine  the line number of {@code output.get(0)}
 */
public record DebuggerCommand(Origin origin, String prompt, String command, CommandKind kind, List<String> output, long firstLine) {
    public DebuggerCommand {
        Objects.requireNonNull(origin);
        Objects.requireNonNull(prompt);
        Objects.requireNonNull(command);
        Objects.requireNonNull(kind);
        output = List.copyOf(output);
    }

    /** The origin of an output line given by its index. */
    public Origin lineOrigin(int index) {
        return Origin.line(origin.file(), firstLine + index);
    }

    /** An output line worth reading, and where it stands. */
    public record Line(String text, Origin at) {}

    /** The output lines worth reading, in order: not blank, not the debugger's own noise (symbol loading, ...). */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>(output.size());
        for (int i = 0; i < output.size(); i++) {
            String line = output.get(i);
            if (!line.isBlank() && !DebuggerNoise.isNoise(line)) {
                out.add(new Line(line, lineOrigin(i)));
            }
        }
        return out;
    }

    /** The command's arguments: what follows its first word. */
    public String arguments() {
        String c = command.strip();
        int sp = c.indexOf(' ');
        return sp < 0 ? "" : c.substring(sp + 1).strip();
    }

    /** The command as shown in reports: the typed text, or the kind for pasted output. */
    public String label() {
        return command.isEmpty() ? "pasted " + kind.typed() + " output" : command;
    }
}
