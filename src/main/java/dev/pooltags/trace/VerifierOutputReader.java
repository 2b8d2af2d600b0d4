package dev.pooltags.trace;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import java.io.BufferedReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WinDbg's {@code !verifier 3} (or {@code 0xf}) output: for each verified module, its pool counters and the
 * outstanding allocations Pool Tracking keeps, as allocation events; a module the listing shows as unloaded is
 * followed by an unload event, which with pool tracking is bug check 0xC4/0x62.
 *
 * <p>Three layouts are read, by their lines rather than fixed columns:
 * <ul>
 *   <li>Windows 7: {@code fffffa8003b6f670 Loaded  000000a0  00000854  videoprt.sys}, then
 *       {@code Current Pool Allocations  00000002    00000013} and rows under
 *       {@code PoolAddress  SizeInBytes    Tag       CallersAddress};</li>
 *   <li>Windows 8.1: {@code MODULE: 0x84226b28 MyDriver.sys (Loaded)}, then
 *       {@code Current Pool Allocations: ( 0x00000003 / 0x00000000 )} and rows under
 *       {@code Address     Length      Tag   Caller}, each with the caller's symbol;</li>
 *   <li>Windows 10 and later: {@code nt!_VF_TARGET_DRIVER 0xffffcb8438730e10: ebpfcore.sys (Loaded and Unloaded)},
 *       rows under {@code Address  Length  Tag  Caller Address}.</li>
 * </ul>
 * The listing says how many allocations are outstanding in nonpaged and paged pool but not which row is which; when
 * one of the two counts is zero every row is in the other pool, otherwise the rows' pool is left unknown. A listing
 * with fewer rows than its counters (Microsoft's own samples cut it with "...") is reported as a problem.
 */
public final class VerifierOutputReader extends LineTraceReader {
    private static final Pattern WIN7_MODULE = Pattern.compile(
            "^\\s*([0-9a-fA-F`]{8,17})\\s+(\\S.*?)\\s+([0-9a-fA-F]{8})\\s+([0-9a-fA-F]{8})\\s+(\\S+)\\s*$");
    private static final Pattern WIN81_MODULE = Pattern.compile("^\\s*MODULE:\\s+(0x[0-9a-fA-F`]+)\\s+(\\S+)\\s+\\((.*)\\)\\s*$");
    private static final Pattern WIN10_MODULE = Pattern.compile(
            "^\\s*nt!_VF_TARGET_DRIVER\\s+(0x[0-9a-fA-F`]+):\\s+(\\S+)\\s+\\((.*)\\)\\s*$");
    private static final CounterLine CURRENT = new CounterLine("Allocations");
    private static final CounterLine BYTES = new CounterLine("Bytes");
    private static final Pattern ROW = Pattern.compile("^\\s*(?:0x)?([0-9a-fA-F`]{8,17})\\s+(?:0x)?([0-9a-fA-F]{1,16})\\s+(.*)$");

    /**
     * A {@code Current Pool <what>} line: the counts of nonpaged and paged pool, which Windows 7 prints as bare hex and
     * later versions as {@code (0x.. / 0x..)}.
     */
    private static final class CounterLine {
        private final Pattern win7;
        private final Pattern later;

        CounterLine(String what) {
            win7 = Pattern.compile("^\\s*Current Pool " + what + "\\s+([0-9a-fA-F]+)\\s+([0-9a-fA-F]+)\\s*$");
            later = Pattern.compile("^\\s*Current Pool " + what
                    + ":\\s*\\(\\s*(0x[0-9a-fA-F]+)\\s*/\\s*(0x[0-9a-fA-F]+)\\s*\\)\\s*$");
        }

        /** The match (group 1 nonpaged, group 2 paged) in either layout, or null. */
        Matcher match(String line) {
            Matcher m = win7.matcher(line);
            if (m.matches()) {
                return m;
            }
            m = later.matcher(line);
            return m.matches() ? m : null;
        }
    }

    private final String name;
    private final Deque<PoolEvent> ready = new ArrayDeque<>();
    private boolean inRows;
    private Module module;
    private int modules;
    private final java.util.List<ModuleSummary> summaries = new java.util.ArrayList<>();

    /**
     * What the listing says of one verified module.
     *
     * @param driver            the module's name
     * @param state             its state as listed ({@code Loaded}, {@code Loaded and Unloaded})
     * @param line              the line of its heading
     * @param nonpagedAllocations the current nonpaged allocations its counters report, -1 when not shown
     * @param pagedAllocations  the current paged allocations, -1 when not shown
     * @param nonpagedBytes     the current nonpaged bytes, -1 when not shown
     * @param pagedBytes        the current paged bytes, -1 when not shown
     * @param rows              the allocation rows listed under it
     * @param elided            true when the rows were cut with {@code ...}
     * @param allocationsLine   the line of the current allocation counters, 0 when not shown
     * @param bytesLine         the line of the current byte counters, 0 when not shown
     */
    public record ModuleSummary(String driver, String state, long line, long nonpagedAllocations, long pagedAllocations, long nonpagedBytes,
            long pagedBytes, long rows, boolean elided, long allocationsLine, long bytesLine) {}

    private static final class Module {
        final String driver;
        final String state;
        final long line;
        long nonpaged = -1;
        long paged = -1;
        long nonpagedBytes = -1;
        long pagedBytes = -1;
        long allocationsLine;
        long bytesLine;
        long rows;
        boolean elided;

        Module(String driver, String state, long line) {
            this.driver = driver;
            this.state = state;
            this.line = line;
        }
    }

    public VerifierOutputReader(String name, BufferedReader in, Consumer<TraceProblem> problems) {
        super("!verifier 3 output", in, problems);
        this.name = name;
    }

    @Override
    public PoolEvent next() {
        while (ready.isEmpty()) {
            String line = nextLine();
            if (line == null) {
                endModule();
                if (modules == 0) {
                    throw new InputException(name, lineNo, "no Driver Verifier module listing found (expected !verifier 3 output: "
                            + "'MODULE: ...', 'nt!_VF_TARGET_DRIVER ...' or the Windows 7 'Entry State NonPagedPool PagedPool Module' table)");
                }
                return ready.poll();
            }
            read(line);
        }
        return ready.poll();
    }

    private void read(String line) {
        Matcher m;
        if ((m = WIN81_MODULE.matcher(line)).matches() || (m = WIN10_MODULE.matcher(line)).matches()) {
            startModule(m.group(2), m.group(3));
            return;
        }
        if (!inRows && (m = WIN7_MODULE.matcher(line)).matches() && m.group(5).contains(".")) {
            startModule(m.group(5), m.group(2).strip());
            return;
        }
        if (module == null) {
            return;
        }
        if ((m = CURRENT.match(line)) != null) {
            module.nonpaged = hex(m.group(1));
            module.paged = hex(m.group(2));
            module.allocationsLine = lineNo;
            return;
        }
        if ((m = BYTES.match(line)) != null) {
            module.nonpagedBytes = hex(m.group(1));
            module.pagedBytes = hex(m.group(2));
            module.bytesLine = lineNo;
            return;
        }
        String t = line.strip();
        if (!inRows) {
            if (t.contains("Tag") && (t.startsWith("PoolAddress") || t.startsWith("Address"))) {
                inRows = true;
            }
            return;
        }
        if (t.startsWith("---")) {
            if (module.rows > 0) {
                inRows = false; // a section rule after the rows ends them
            }
            return;
        }
        if (t.equals("...") || t.equals("......")) {
            module.elided = true;
            return;
        }
        if (t.isEmpty()) {
            if (module.rows > 0) {
                inRows = false;
            }
            return;
        }
        if ((m = ROW.matcher(line)).matches()) {
            row(m);
        } else {
            problems.accept(new TraceProblem(lineNo, "bad-line", "not an allocation row (address, length, tag, caller): '"
                    + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'"));
        }
    }

    private void row(Matcher m) {
        long address = Long.parseUnsignedLong(m.group(1).replace("`", ""), 16);
        long size = Long.parseUnsignedLong(m.group(2), 16);
        String rest = m.group(3);
        if (rest.length() < 4) {
            problems.accept(new TraceProblem(lineNo, "truncated-line", "allocation row without a four-character tag; row skipped"));
            return;
        }
        PoolTag tag;
        try {
            tag = PoolTag.ofMemoryText(rest.substring(0, 4));
        } catch (RuntimeException e) {
            problems.accept(new TraceProblem(lineNo, "bad-field", "tag '" + rest.substring(0, 4) + "': " + e.getMessage()));
            return;
        }
        String caller = rest.substring(4).strip();
        int sp = caller.indexOf(' ');
        if (sp > 0) {
            String symbol = caller.substring(sp).strip();
            caller = symbol.isEmpty() ? caller.substring(0, sp) : symbol;
        }
        WindowsPoolType type = null;
        if (module.paged == 0 && module.nonpaged > 0) {
            type = WindowsPoolType.NON_PAGED_POOL;
        } else if (module.nonpaged == 0 && module.paged > 0) {
            type = WindowsPoolType.PAGED_POOL;
        }
        module.rows++;
        ready.add(new PoolEvent.Alloc(PoolEvent.NO_TIME, AllocRoutine.UNKNOWN, type, 0, tag, size, address, module.driver, caller,
                null, lineNo));
    }

    private void startModule(String driver, String state) {
        endModule();
        modules++;
        module = new Module(driver, state, lineNo);
        inRows = false;
        info.merge("modules", driver, (a, b) -> a + ", " + b);
        // A module in this listing is verified with pool tracking: that is what keeps the allocations listed.
        ready.add(new PoolEvent.VerifyDriver(PoolEvent.NO_TIME, driver, EnumSet.of(VerifierOption.POOL_TRACKING), lineNo));
    }

    private void endModule() {
        Module m = module;
        if (m == null) {
            return;
        }
        module = null;
        inRows = false;
        summaries.add(new ModuleSummary(m.driver, m.state, m.line, m.nonpaged, m.paged, m.nonpagedBytes, m.pagedBytes, m.rows, m.elided,
                m.allocationsLine, m.bytesLine));
        if (m.nonpaged >= 0) {
            long total = m.nonpaged + m.paged;
            if (m.rows < total) {
                problems.accept(new TraceProblem(m.line, "incomplete-listing", m.driver + ": the listing shows " + m.rows + " of the "
                        + total + " allocations its counters report" + (m.elided ? " (it was cut with '...')" : "")
                        + "; only those are replayed"));
            } else if (m.rows > total) {
                problems.accept(new TraceProblem(m.line, "inconsistent-listing", m.driver + ": the listing shows " + m.rows
                        + " allocations but its counters report " + total));
            }
        }
        if (m.state.toLowerCase(java.util.Locale.ROOT).contains("unloaded")) {
            ready.add(new PoolEvent.Unload(PoolEvent.NO_TIME, m.driver, m.line));
        }
    }

    /** A count as the listing prints it, hexadecimal with or without {@code 0x}. */
    private static long hex(String digits) {
        return Long.parseLong(digits.startsWith("0x") ? digits.substring(2) : digits, 16);
    }

    /** The modules listed so far, each once its listing has ended (all of them once {@link #next()} returned null). */
    public java.util.List<ModuleSummary> modules() {
        return java.util.List.copyOf(summaries);
    }
}
