package dev.pooltags.debugger;

import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolRegion;
import dev.pooltags.source.DebuggerNoise;
import dev.pooltags.source.InputException;
import dev.pooltags.trace.VerifierOutputReader;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Driver Verifier's own words: {@code !verifier} (its module listing and tracked allocations are read by
 * {@link VerifierOutputReader}, the reader {@code pooltags trace} uses; this class adds the flags, the enabled options and
 * the global counters), and {@code verifier /query} / {@code verifier /querysettings} at a command prompt (the Windows 7
 * {@code Special pool: Enabled} list and the Windows 10 {@code [X] 0x00000001 Special pool} list, {@code Verifier Flags:},
 * {@code Verified drivers:}, {@code MODULE: NAME.sys (load: 1 / unload: 0)} with its {@code Current Pool Allocations}).
 */
final class VerifierText {
    private static final Pattern LEVEL = Pattern.compile("^\\s*Verify (?:Flags )?Level\\s+(?:0x)?([0-9a-fA-F]+)\\b.*$");
    private static final Pattern FLAGS = Pattern.compile("^\\s*(?:Verifier Flags|Level)\\s*:\\s*(?:0x)?([0-9a-fA-F]+)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("^\\s*\\[([Xx ])\\]\\s*\\(?\\s*0x[0-9a-fA-F]+\\s*\\)?\\s+(.*?)\\.?\\s*$");
    private static final Pattern OLD_OPTION = Pattern.compile("^\\s*([A-Z][A-Za-z/ ]+?):\\s+(Enabled|Disabled)\\s*$");
    private static final Pattern COUNTER = Pattern.compile(
            "^\\s*([A-Z][A-Za-z ]+?)(?:\\s*:)?\\s+(0x[0-9a-fA-F]+|\\d+)(?:\\s+for\\s+([0-9a-fA-F]+)\\s+bytes)?\\s*$");
    private static final Pattern QUERY_MODULE = Pattern.compile("^\\s*MODULE:\\s+(\\S+)\\s+\\((load:\\s*\\d+\\s*/\\s*unload:\\s*\\d+)\\)\\s*$");
    private static final Pattern PAIR = Pattern.compile("^\\s*Current Pool (Allocations|Bytes):?\\s*\\(\\s*(0x[0-9a-fA-F]+|\\d+)\\s*/\\s*(0x[0-9a-fA-F]+|\\d+)\\s*\\)\\s*$");
    private static final Pattern DRIVERS_HEADING = Pattern.compile("^\\s*Verified drivers:?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DRIVER_NAME = Pattern.compile("^\\s*([\\w.$~-]+\\.(?:sys|dll|exe))\\s*$", Pattern.CASE_INSENSITIVE);

    private VerifierText() {}

    /** {@code !verifier} output (any flags but 0x80). */
    static VerifierStatus readDebugger(DebuggerCommand c, Consumer<LogProblem> problems) {
        List<String> kept = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < c.output().size(); i++) {
            if (!DebuggerNoise.isNoise(c.output().get(i))) {
                kept.add(c.output().get(i));
                index.add(i);
            }
        }
        List<TrackedAllocation> allocations = new ArrayList<>();
        List<VerifiedDriver> drivers = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        kept.forEach(l -> text.append(l).append('\n'));
        VerifierOutputReader r = new VerifierOutputReader(c.label(), new BufferedReader(new StringReader(text.toString())),
                p -> problems.accept(new LogProblem(at(c, index, p.line()), c.label(), p.kind(),
                        p.message().replace("only those are replayed", "only those are read"))));
        boolean listing = true;
        try {
            for (PoolEvent e = r.next(); e != null; e = r.next()) {
                if (e instanceof PoolEvent.Alloc a) {
                    PoolRegion pool = a.poolType() == null ? PoolRegion.UNKNOWN
                            : a.poolType() == WindowsPoolType.PAGED_POOL ? PoolRegion.PAGED : PoolRegion.NONPAGED;
                    allocations.add(new TrackedAllocation(a.tag(), a.address(), a.size(), a.driver(), a.caller(), pool,
                            at(c, index, a.line())));
                }
            }
        } catch (InputException e) {
            listing = false; // no module listing: a !verifier without flag 1, or the statistics only
        } catch (RuntimeException e) {
            problems.accept(new LogProblem(c.origin(), c.label(), "bad-listing", "the module listing could not be read: " + e.getMessage()));
        }
        if (listing) {
            for (VerifierOutputReader.ModuleSummary m : r.modules()) {
                drivers.add(new VerifiedDriver(m.driver(), m.state(), opt(m.nonpagedAllocations()), opt(m.pagedAllocations()),
                        opt(m.nonpagedBytes()), opt(m.pagedBytes()), at(c, index, m.line()),
                        m.allocationsLine() > 0 ? java.util.Optional.of(at(c, index, m.allocationsLine())) : java.util.Optional.empty(),
                        m.bytesLine() > 0 ? java.util.Optional.of(at(c, index, m.bytesLine())) : java.util.Optional.empty()));
            }
        }
        OptionalLong flags = OptionalLong.empty();
        List<String> enabled = new ArrayList<>();
        List<VerifierCounter> counters = new ArrayList<>();
        boolean inOptions = false;
        for (int i = 0; i < c.output().size(); i++) {
            String line = c.output().get(i);
            Matcher m;
            if ((m = LEVEL.matcher(line)).matches()) {
                try {
                    flags = OptionalLong.of(Long.parseUnsignedLong(m.group(1), 16));
                } catch (NumberFormatException e) {
                    problems.accept(new LogProblem(c.lineOrigin(i), c.label(), "bad-number", "the verify level does not fit 64 bits"));
                }
                inOptions = line.contains("enabled options are");
                continue;
            }
            if ((m = OPTION.matcher(line)).matches()) {
                if (!m.group(1).isBlank() && !m.group(2).startsWith("Indicates")) {
                    enabled.add(m.group(2).strip());
                }
                continue;
            }
            if (inOptions) {
                if (line.isBlank()) {
                    inOptions = false;
                } else {
                    enabled.add(line.strip()); // Windows 7: "Verify Level 9bb ... enabled options are:" then one option a line
                }
                continue;
            }
            counter(line, c.lineOrigin(i)).ifPresent(counters::add);
        }
        return new VerifierStatus(c.label(), flags, enabled, drivers, counters, allocations, c.origin());
    }

    private static OptionalLong opt(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static Origin at(DebuggerCommand c, List<Integer> index, long readerLine) {
        int k = (int) Math.max(1, Math.min(readerLine, index.size()));
        return index.isEmpty() ? c.origin() : c.lineOrigin(index.get(k - 1));
    }

    private static java.util.Optional<VerifierCounter> counter(String line, Origin at) {
        Matcher m = COUNTER.matcher(line);
        if (!m.matches() || !isCounterName(m.group(1))) {
            return java.util.Optional.empty();
        }
        try {
            long v = m.group(2).startsWith("0x") ? Long.parseUnsignedLong(m.group(2).substring(2), 16) : Long.parseLong(m.group(2));
            OptionalLong bytes = m.group(3) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseUnsignedLong(m.group(3), 16));
            return java.util.Optional.of(new VerifierCounter(m.group(1).strip(), v, bytes, at));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** The global counters' names: Pool Allocations ..., Current/Peak ... pool allocations, and the IRQL counters. */
    private static boolean isCounterName(String n) {
        String t = n.strip();
        return t.startsWith("Pool Allocations") || t.startsWith("Current ") && t.contains("pool allocations")
                || t.startsWith("Peak ") && t.contains("pool allocations") || t.equals("RaiseIrqls") || t.equals("AcquireSpinLocks")
                || t.equals("Synch Executions") || t.equals("Trims") || t.startsWith("Resource Allocations Failed");
    }

    /** {@code verifier /query} and {@code verifier /querysettings}. */
    static VerifierStatus readQuery(DebuggerCommand c, Consumer<LogProblem> problems) {
        OptionalLong flags = OptionalLong.empty();
        List<String> enabled = new ArrayList<>();
        List<VerifiedDriver> drivers = new ArrayList<>();
        List<VerifierCounter> counters = new ArrayList<>();
        boolean inDrivers = false;
        String module = null;
        Origin moduleAt = null;
        String moduleState = null;
        long[] pair = {-1, -1, -1, -1};
        Origin[] pairAt = new Origin[2];
        for (DebuggerCommand.Line l : c.lines()) {
            String line = l.text();
            Origin at = l.at();
            Matcher m;
            try {
                if ((m = FLAGS.matcher(line)).matches()) {
                    flags = OptionalLong.of(Long.parseUnsignedLong(m.group(1), 16));
                    continue;
                }
                if (readOption(line, enabled)) {
                    continue;
                }
                if (DRIVERS_HEADING.matcher(line).matches()) {
                    inDrivers = true;
                    continue;
                }
                if ((m = QUERY_MODULE.matcher(line)).matches()) {
                    if (module != null) {
                        drivers.add(queried(module, moduleState, pair, moduleAt, pairAt));
                    }
                    module = m.group(1);
                    moduleState = m.group(2).replaceAll("\\s+", " ");
                    moduleAt = at;
                    pair = new long[] {-1, -1, -1, -1};
                    pairAt = new Origin[2];
                    continue;
                }
                if ((m = PAIR.matcher(line)).matches() && module != null) {
                    int k = m.group(1).equals("Allocations") ? 0 : 2;
                    pair[k] = Long.decode(m.group(2));
                    pair[k + 1] = Long.decode(m.group(3));
                    pairAt[k / 2] = at;
                    continue;
                }
                if (inDrivers && (m = DRIVER_NAME.matcher(line)).matches()) {
                    drivers.add(new VerifiedDriver(m.group(1), "set to be verified", OptionalLong.empty(), OptionalLong.empty(),
                            OptionalLong.empty(), OptionalLong.empty(), at, java.util.Optional.empty(), java.util.Optional.empty()));
                    continue;
                }
                if (noDrivers(line)) {
                    continue;
                }
                var ctr = counter(line, at);
                if (ctr.isPresent()) {
                    counters.add(ctr.get());
                    continue;
                }
            } catch (NumberFormatException e) {
                problems.accept(new LogProblem(at, c.label(), "bad-number", "a number does not fit 64 bits: '" + PoolFindText.shorten(line.strip()) + "'"));
                continue;
            }
            if (line.strip().matches("[A-Za-z][A-Za-z /()-]*:")) {
                inDrivers = false; // a heading ("Standard Flags:", "Additional Flags:")
                continue;
            }
            problems.accept(new LogProblem(at, c.label(), "unread-line", "a line of verifier's output pooltags does not read: '"
                    + PoolFindText.shorten(line.strip()) + "'"));
        }
        if (module != null) {
            drivers.add(queried(module, moduleState, pair, moduleAt, pairAt));
        }
        return new VerifierStatus(c.label(), flags, enabled, drivers, counters, List.of(), c.origin());
    }

    /** Whether the line is an option line (either layout), adding the option to {@code enabled} when it is on. */
    private static boolean readOption(String line, List<String> enabled) {
        Matcher m;
        if ((m = OPTION.matcher(line)).matches()) {
            if (!m.group(1).isBlank()) {
                enabled.add(m.group(2).strip());
            }
            return true;
        }
        if ((m = OLD_OPTION.matcher(line)).matches()) {
            if (m.group(2).equals("Enabled")) {
                enabled.add(m.group(1).strip());
            }
            return true;
        }
        return false;
    }

    private static boolean noDrivers(String line) {
        return line.strip().equalsIgnoreCase("No drivers are currently verified.")
                || line.strip().equalsIgnoreCase("No drivers are currently verified");
    }

    private static VerifiedDriver queried(String name, String state, long[] p, Origin at, Origin[] pairAt) {
        return new VerifiedDriver(name, state, opt(p[0]), opt(p[1]), opt(p[2]), opt(p[3]), at, java.util.Optional.ofNullable(pairAt[0]),
                java.util.Optional.ofNullable(pairAt[1]));
    }
}
