package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.snapshot.PoolUsedText;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from one debugger log: the commands found, and for each command pooltags knows, what its output
 * says, as the shared model records (every record carries the line it came from).
 *
 * @param file      the log as the user named it
 * @param lines     its number of lines
 * @param commands  every command found, in order (known or not)
 * @param poolUsed  the {@code !poolused} tables
 * @param finds     the {@code !poolfind} results
 * @param pages     the {@code !pool} pages
 * @param notes     the debugger's remarks printed with {@code !pool} pages ({@code is not a valid large pool allocation ...})
 * @param verifier  what {@code !verifier} and {@code verifier /query(settings)} said
 * @param poolLog   the entries of {@code !verifier 0x80}
 * @param modules   the modules {@code lm} listed (the last listing of each module wins where they repeat)
 * @param stacks    the call stacks ({@code k}), with the tag of the breakpoint that stopped there when there was one
 * @param problems  the lines that could not be read, with why
 */
public record DebuggerLog(String file, int lines, List<LoggedCommand> commands, List<PoolUsedText.Table> poolUsed, List<PoolFindResult> finds,
        List<PoolPage> pages, List<PageNote> notes, List<VerifierStatus> verifier, List<PoolLogEntry> poolLog, List<LoadedModule> modules,
        List<AllocationStack> stacks, List<LogProblem> problems) {
    public DebuggerLog {
        Objects.requireNonNull(file);
        commands = List.copyOf(commands);
        poolUsed = List.copyOf(poolUsed);
        finds = List.copyOf(finds);
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
        verifier = List.copyOf(verifier);
        poolLog = List.copyOf(poolLog);
        modules = List.copyOf(modules);
        stacks = List.copyOf(stacks);
        problems = List.copyOf(problems);
    }

    /** A remark the debugger printed with a {@code !pool} listing. */
    public record PageNote(Origin origin, String text) {}

    /** The commands pooltags does not read, in order. */
    public List<LoggedCommand> unknownCommands() {
        return commands.stream().filter(c -> c.kind() == CommandKind.OTHER).toList();
    }

    /** Commands of a kind. */
    public long count(CommandKind kind) {
        return commands.stream().filter(c -> c.kind() == kind).count();
    }
}
