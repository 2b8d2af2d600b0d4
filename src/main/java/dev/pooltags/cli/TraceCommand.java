package dev.pooltags.cli;

import dev.pooltags.core.Severity;
import dev.pooltags.output.OutputFile;
import dev.pooltags.pool.PoolConfig;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.pool.PoolGeometry;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.report.TraceReport;
import dev.pooltags.source.UsageException;
import dev.pooltags.tag.TagPattern;
import dev.pooltags.replay.TraceAnalysis;
import dev.pooltags.replay.TraceReplay;
import dev.pooltags.trace.TraceFiles;
import dev.pooltags.trace.TraceTime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags trace}: replays allocation traces through the pool model. */
@Command(name = "trace", mixinStandardHelpOptions = true)
public final class TraceCommand extends Subcommand {
    enum Gate { violations, leaks, outstanding, none }



    @Mixin
    ReportOptions output = report("text (default) or json.", TraceReport.RENDERERS);

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Trace files (each is replayed and reported on its own).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--window", paramLabel = "FROM,TO",
            description = "Time window for the lifetime classes, from the start of the trace: 60s,300s or 1:00,5:00 (TO may be 'end').")
    String window;

    @Option(names = "--verify", paramLabel = "DRIVER[:OPTIONS]",
            description = "Replay as if Driver Verifier verified DRIVER; OPTIONS is special-pool and/or pool-tracking joined by + "
                    + "(default pool-tracking). Repeatable.")
    List<String> verify = new ArrayList<>();

    @Option(names = "--special-pool", paramLabel = "TAG",
            description = "Special pool for allocations with tag TAG (wildcards * ?), as GFlags' kernel special pool tag sets it "
                    + "(gflags /k +spp TAG; see pooltags special-pool). Windows keeps one such tag system-wide, so it is given once.")
    String specialPool;

    @Option(names = "--alignment", paramLabel = "end|start", description = "Special pool alignment: end (Verify End, default) or start.")
    String alignment = "end";

    @Option(names = "--complete", description = "The trace starts from an empty pool: a free of an address it never allocated is a violation.")
    boolean complete;

    @Option(names = "--x86", description = "Size blocks as 32-bit Windows does (8-byte header and granularity).")
    boolean x86;

    @Option(names = "--gate", paramLabel = "WHAT",
            description = "What makes the exit status 1: leaks (default: violations or leak suspects), violations, outstanding "
                    + "(anything still allocated at the end), none.")
    Gate gate = Gate.leaks;

    @Option(names = "--max-listed", paramLabel = "N", description = "Violations and input problems listed in full (all are counted; default ${DEFAULT-VALUE}).")
    int maxListed = 100;

    @Override
    protected ExitCode execute() {
        OutputFile target = output.check();
        if (maxListed < 0) {
            throw new UsageException("--max-listed must be 0 or more");
        }
        long from = 0;
        long to = -1;
        if (window != null) {
            String[] parts = window.split(",", -1);
            if (parts.length != 2) {
                throw new UsageException("--window takes FROM,TO (e.g. 60s,300s), not '" + window + "'");
            }
            try {
                from = TraceTime.parseMicros(parts[0]);
                to = parts[1].strip().equalsIgnoreCase("end") ? -1 : TraceTime.parseMicros(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--window: " + e.getMessage());
            }
            if (to >= 0 && to < from) {
                throw new UsageException("--window ends (" + parts[1] + ") before it starts (" + parts[0] + ")");
            }
        }
        SpecialAlignment align;
        try {
            align = SpecialAlignment.parse(alignment);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--alignment: " + e.getMessage());
        }
        List<PoolEvent> settings = new ArrayList<>();
        for (String v : verify) {
            int colon = v.indexOf(':');
            String driver = colon < 0 ? v : v.substring(0, colon);
            Set<VerifierOption> opts = EnumSet.noneOf(VerifierOption.class);
            try {
                if (colon < 0) {
                    opts.add(VerifierOption.POOL_TRACKING);
                } else {
                    for (String o : v.substring(colon + 1).split("[+,]")) {
                        opts.add(VerifierOption.parse(o));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("--verify " + v + ": " + e.getMessage());
            }
            if (driver.isBlank()) {
                throw new UsageException("--verify needs a driver name, e.g. --verify mydrv.sys:special-pool+pool-tracking");
            }
            settings.add(new PoolEvent.VerifyDriver(PoolEvent.NO_TIME, driver, opts, 0));
        }
        if (specialPool != null) {
            settings.add(new PoolEvent.SpecialPoolTag(PoolEvent.NO_TIME, TagPattern.parse(specialPool), 0));
        }
        PoolConfig config = PoolConfig.defaults().withAlignment(align).withComplete(complete)
                .withGeometry(x86 ? PoolGeometry.X86 : PoolGeometry.X64);
        TraceReplay.Options options = new TraceReplay.Options(config, from, to, maxListed, settings);
        List<TraceAnalysis> results = new ArrayList<>();
        PrintWriter errs = spec.commandLine().getErr();
        for (Path f : dev.pooltags.sniff.Inputs.traces().expand(files, w -> errs.println("pooltags: " + w))) {
            results.add(TraceReplay.run(f.toString(), sink -> TraceFiles.open(f, sink), options));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        target.write(stdout, w -> TraceReport.RENDERERS.render(output.format(), w, results));
        boolean findings = false;
        for (TraceAnalysis a : results) {
            boolean broken = gatingViolations(a) > 0;
            findings |= switch (gate) {
                case violations -> broken;
                case leaks -> broken || !a.leaks().isEmpty();
                case outstanding -> broken || !a.leaks().isEmpty() || a.outstandingCount() > 0;
                case none -> false;
            };
        }
        return findings ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** Violations of error or warning severity: notes (an untagged allocation) are reported but do not fail a gate. */
    static long gatingViolations(TraceAnalysis a) {
        long n = 0;
        for (java.util.Map.Entry<String, Long> e : a.violationsByRule().entrySet()) {
            dev.pooltags.pool.PoolRule r = dev.pooltags.pool.PoolRules.byId(e.getKey());
            if (r == null || r.severity() != Severity.NOTE) {
                n += e.getValue();
            }
        }
        return n;
    }
}
