package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.snapshot.DebugSessionTime;
import dev.pooltags.snapshot.PoolUsedText;
import dev.pooltags.source.InputException;
import dev.pooltags.source.TextFiles;
import dev.pooltags.tag.PoolTag;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a whole WinDbg/KD log (or pasted output) at once: cuts it into commands at their prompts
 * ({@link LogSplitter}) and hands each command it knows to its reader. Lines a reader cannot read become
 * {@link LogProblem}s with their line numbers; commands it does not know are listed. The only input errors are a
 * file that cannot be read, a binary file, and a file in which no known command and no known output is found.
 */
public final class DebuggerLogReader {
    private DebuggerLogReader() {}

    /** Reads the file. */
    public static DebuggerLog read(Path file) {
        return read(file.toString(), TextFiles.readAllBytes(file));
    }

    /** Reads the bytes of a log named {@code name}. */
    public static DebuggerLog read(String name, byte[] bytes) {
        if (bytes.length >= 2 && !(bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                && TextFiles.looksBinary(bytes)) {
            throw new InputException(name, 0, "is a binary file, not a debugger log (a crash dump is read by WinDbg: open it there, "
                    + "run !poolused 2, !poolfind TAG and !pool ADDRESS, and save the session with .logopen FILE)");
        }
        List<String> lines = LogText.lines(LogText.decode(bytes));
        return read(name, lines);
    }

    /**
     * True when the lines are a debugger session or pasted debugger output this reader reads: a kernel or user-mode
     * debugger prompt ({@code kd>}, {@code 0: kd>}, {@code lkd>}, {@code 0:000>}) on one of them, or output of a command it
     * knows without its prompt. (A command prompt's {@code C:\>} alone does not make a debugger log.)
     */
    public static boolean looksLikeLog(List<String> lines) {
        int n = Math.min(lines.size(), 5000);
        for (int i = 0; i < n; i++) {
            String[] p = LogSplitter.prompt(lines.get(i));
            if (p != null && !p[0].matches("(?i)(PS )?[A-Z]:.*")) {
                return true;
            }
        }
        return CommandKind.sniff(lines.subList(0, n)) != CommandKind.OTHER;
    }

    /** The lines of a log's bytes, decoded as the reader decodes them (for the benchmark's baseline). */
    public static List<String> lines(byte[] bytes) {
        return LogText.lines(LogText.decode(bytes));
    }

    /** Reads the lines of a log named {@code name}. */
    public static DebuggerLog read(String name, List<String> lines) {
        List<DebuggerCommand> commands = LogSplitter.split(name, lines);
        List<LoggedCommand> logged = new ArrayList<>();
        List<PoolUsedText.Table> used = new ArrayList<>();
        List<PoolFindResult> finds = new ArrayList<>();
        List<PoolPage> pages = new ArrayList<>();
        List<DebuggerLog.PageNote> notes = new ArrayList<>();
        List<VerifierStatus> verifier = new ArrayList<>();
        List<PoolLogEntry> poolLog = new ArrayList<>();
        Map<String, LoadedModule> modules = new LinkedHashMap<>();
        List<AllocationStack> stacks = new ArrayList<>();
        List<LogProblem> problems = new ArrayList<>();
        int known = 0;
        DebuggerCommand breakpoint = null;
        TimeIndex times = new TimeIndex(lines);
        for (DebuggerCommand c : commands) {
            logged.add(new LoggedCommand(c.origin(), c.prompt(), c.command(), c.kind(), c.output().size()));
            if (c.kind() != CommandKind.OTHER && c.kind() != CommandKind.BREAKPOINT) {
                known++;
            }
            switch (c.kind()) {
                case POOLUSED -> used.addAll(poolUsed(name, c, times, problems));
                case POOLFIND -> finds.add(PoolFindText.read(c, problems::add));
                case POOL -> {
                    PoolPageText.Read r = PoolPageText.read(c, problems::add);
                    r.notes().forEach(n -> notes.add(new DebuggerLog.PageNote(n.origin(), n.text())));
                    if (r.page() != null) {
                        pages.add(r.page());
                    } else if (r.notes().isEmpty()) {
                        problems.add(new LogProblem(c.origin(), c.label(), "no-blocks", "no pool block in the output"));
                    }
                }
                case VERIFIER -> verifier.add(VerifierText.readDebugger(c, problems::add));
                case VERIFIER_QUERY -> verifier.add(VerifierText.readQuery(c, problems::add));
                case VERIFIER_POOL_LOG -> poolLog.addAll(PoolLogText.read(c, problems::add));
                case MODULES -> {
                    for (LoadedModule m : ModuleListText.read(c, problems::add)) {
                        modules.put(m.name().toLowerCase(java.util.Locale.ROOT) + (m.unloaded() ? "/unloaded" : ""), m);
                    }
                }
                case BREAKPOINT -> breakpoint = c;
                case STACK -> {
                    List<String> frames = StackText.frames(c, problems::add);
                    Optional<PoolTag> tag = breakpoint == null ? Optional.empty() : Breakpoints.tagOf(breakpoint.command(), frames);
                    stacks.add(new AllocationStack(tag, breakpoint == null ? "" : breakpoint.command(), frames, c.origin()));
                }
                case OTHER -> {
                    if (c.command().strip().toLowerCase(java.util.Locale.ROOT).matches("^bc\\b.*")) {
                        breakpoint = null; // bc: the breakpoints are cleared
                    }
                }
            }
        }
        if (known == 0) {
            throw new InputException(name, 0, "no command pooltags reads was found (" + commands.size() + " commands, " + lines.size()
                    + " lines): expected WinDbg/KD output of !poolused, !poolfind, !pool, !verifier or lm after a 'kd>' prompt, "
                    + "or such output pasted on its own");
        }
        return new DebuggerLog(name, lines.size(), logged, used, finds, pages, notes, verifier, poolLog, new ArrayList<>(modules.values()),
                stacks, problems);
    }

    /**
     * The tables of one {@code !poolused} output (its prompt line read with it), each dated by its own time or the
     * last session time above it.
     */
    private static List<PoolUsedText.Table> poolUsed(String name, DebuggerCommand c, TimeIndex times, List<LogProblem> problems) {
        List<String> withPrompt = new ArrayList<>();
        long first = c.firstLine();
        if (!c.prompt().isEmpty()) {
            withPrompt.add(c.prompt() + " " + c.command());
            first--;
        }
        withPrompt.addAll(c.output());
        boolean headerless = c.prompt().isEmpty() && c.output().stream().noneMatch(PoolUsedText::isHeader);
        if (headerless) {
            problems.add(new LogProblem(c.origin(), c.label(), "no-header", "rows without the column header: read as the "
                    + "current layout (Tag, NonPaged Allocs and Used, Paged Allocs and Used)"));
        }
        List<PoolUsedText.Table> tables = PoolUsedText.readTables(withPrompt, first, headerless,
                p -> problems.add(new LogProblem(Origin.line(name, p.line()), c.label(), "bad-line", p.message())));
        if (tables.isEmpty()) {
            problems.add(new LogProblem(c.origin(), c.label(), "no-table", "no !poolused table in the output "
                    + "(expected a header line 'Tag Allocs Used Allocs Used')"));
        }
        List<PoolUsedText.Table> used = new ArrayList<>();
        for (PoolUsedText.Table t : tables) {
            Optional<Instant> when = t.time().isPresent() ? t.time() : times.before(t.headerLine());
            used.add(new PoolUsedText.Table(t.headerLine(), t.command(), t.sortedBy(), t.session(), t.rows(), when, t.cut()));
        }
        return used;
    }

    /** The {@code Debug session time:} lines of a log, to date outputs printed after them. */
    private static final class TimeIndex {
        private final List<long[]> at = new ArrayList<>();
        private final List<Instant> when = new ArrayList<>();

        TimeIndex(List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.indexOf("session time") >= 0) {
                    Optional<Instant> t = DebugSessionTime.parse(l);
                    if (t.isPresent()) {
                        at.add(new long[] {i + 1L});
                        when.add(t.get());
                    }
                }
            }
        }

        Optional<Instant> before(long line) {
            Instant t = null;
            for (int i = 0; i < at.size() && at.get(i)[0] < line; i++) {
                t = when.get(i);
            }
            return Optional.ofNullable(t);
        }
    }
}
