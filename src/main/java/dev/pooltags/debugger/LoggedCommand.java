package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import java.util.Objects;

/**
 * A command found in a log, without its output: what was typed, what the reader made of it, how long its output was.
 *
 * @param origin      the prompt's line (the first line of pasted output)
 * @param prompt      the prompt, empty for pasted output
 * @param command     what was typed, empty for pasted output
 * @param kind        the kind read ({@link CommandKind#OTHER}: not read)
 * @param outputLines the number of output lines
 */
public record LoggedCommand(Origin origin, String prompt, String command, CommandKind kind, int outputLines) {
    public LoggedCommand {
        Objects.requireNonNull(origin);
        Objects.requireNonNull(prompt);
        Objects.requireNonNull(command);
        Objects.requireNonNull(kind);
    }

    /** The command as shown in reports. */
    public String label() {
        return command.isEmpty() ? "pasted " + kind.typed() + " output" : command;
    }
}
