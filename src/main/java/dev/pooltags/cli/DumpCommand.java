package dev.pooltags.cli;

import dev.pooltags.dump.DumpInspection;
import dev.pooltags.dump.FleetTriage;
import dev.pooltags.dump.PoolQueries;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.report.PoolBlockText;
import dev.pooltags.report.DumpReport;
import dev.pooltags.report.DumpTriageReport;
import dev.pooltags.source.InputException;
import dev.pooltags.source.UsageException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags dump}: a Windows kernel crash dump read without symbols, or a folder of them triaged. */
@Command(name = "dump", mixinStandardHelpOptions = true)
public final class DumpCommand extends Subcommand {
    @Mixin
    ReportOptions output = report("text (default), json, or html (the table of several dumps).",
            DumpTriageReport.RENDERERS); // the several-dump table's; one dump (or --each): text or json

    @Mixin
    TagFileOptions tagFiles;

    @Parameters(paramLabel = "DUMP", arity = "1..*", description = "Dump files, or folders of them (*.dmp, searched recursively).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--list-drivers", description = "List every loaded and unloaded driver with its address range.")
    boolean listDrivers;

    @Option(names = "--top", paramLabel = "N", description = "Tags shown in the pool table (0: all; default ${DEFAULT-VALUE}).")
    int top = 20;

    @Option(names = "--blocks", description = "List every pool block found, as WinDbg's !pool lists a page.")
    boolean blocks;

    @Option(names = "--poolfind", paramLabel = "TAG", description = "List the blocks of TAG, as !poolfind does. Repeatable.")
    List<String> poolfind = new ArrayList<>();

    @Option(names = "--pool", paramLabel = "ADDRESS", description = "List the blocks of the page holding ADDRESS, that block marked *, as !pool does.")
    String poolAt;

    @Option(names = "--each", description = "With several dumps, print each one's full report instead of the table.")
    boolean each;

    @Override
    protected void validate() {
        require(top >= 0, "--top must be 0 or more");
    }

    @Override
    protected ExitCode execute() {
        List<PoolTag> find = new ArrayList<>();
        for (String t : poolfind) {
            find.add(PoolTag.parse(t));
        }
        Long at = null;
        if (poolAt != null) {
            at = parseAddress(poolAt);
        }
        PrintWriter warn = spec.commandLine().getErr();
        List<Path> files = dev.pooltags.sniff.Inputs.dumps().expand(inputs, w -> warn.println("pooltags: " + w));
        boolean single = files.size() == 1 && inputs.size() == 1 && !java.nio.file.Files.isDirectory(inputs.get(0));
        if (output.format().equals("html") && (single || each)) {
            throw new UsageException("--format html writes the table of several dumps: name a folder or several files (without --each)");
        }
        TagDatabase db = tagFiles.load(false);
        PrintWriter err = spec.commandLine().getErr();
        List<DumpInspection> read = new ArrayList<>();
        List<FleetTriage.Unreadable> unreadable = new ArrayList<>();
        int i = 0;
        for (Path f : files) {
            if (files.size() > 1) {
                Progress.on(err, files.size(), "reading dumps").accept(i++);
            }
            try {
                read.add(DumpInspection.inspect(f));
            } catch (InputException e) {
                if (single) {
                    throw e;
                }
                unreadable.add(new FleetTriage.Unreadable(f.toString(), e.problem()));
            }
        }
        Progress.clear(err);
        boolean problems = !unreadable.isEmpty();
        Long address = at;
        output.write(spec.commandLine().getOut(), out -> {
            if (single || each) {
                if (output.format().equals("json")) {
                    DumpReport.json(out, read, db, find, address);
                } else {
                    boolean firstOne = true;
                    for (DumpInspection in : read) {
                        if (!firstOne) {
                            out.println();
                            out.println("----");
                            out.println();
                        }
                        firstOne = false;
                        DumpReport.text(out, in, db, new DumpReport.Options(listDrivers, top, blocks, tagFiles.origin()));
                        extras(out, in, find, address);
                    }
                }
            } else {
                FleetTriage triage = FleetTriage.of(read, unreadable);
                DumpTriageReport.RENDERERS.render(output.format(), out, triage);
            }
        });
        for (DumpInspection in : read) {
            for (String p : in.dump().problems()) {
                err.println("pooltags: " + in.dump().file() + ": " + p);
                problems = true;
            }
        }
        for (FleetTriage.Unreadable u : unreadable) {
            err.println("pooltags: " + u.file() + ": " + u.why());
        }
        err.flush();
        return problems ? ExitCode.INPUT : ExitCode.OK;
    }

    private static void extras(PrintWriter out, DumpInspection in, List<PoolTag> find, Long at) {
        for (PoolTag t : find) {
            out.println();
            PoolBlockText.find(out, PoolQueries.find(in, t), PoolBlockText.DEFAULT_PAGES);
            if (!in.dump().kind().physical()) {
                out.println("  a small dump holds only the memory the crash captured: other blocks of this tag were not captured");
            } else if (in.dump().truncated()) {
                out.println("  the dump is cut short: blocks in the missing pages were not searched");
            }
        }
        if (at != null) {
            out.println();
            PoolPage page = PoolQueries.page(in, at);
            PoolBlockText.page(out, page);
            if (page.blocks().isEmpty()) {
                out.println("  no confirmed pool header in this page: it was not captured, or holds none pooltags could confirm");
            } else if (page.cut()) {
                out.println("  the blocks found do not tile the page: parts of it were not captured, so blocks are missing");
            }
        }
    }

    static long parseAddress(String s) {
        String t = s.strip().replace("`", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        try {
            return Long.parseUnsignedLong(t, 16);
        } catch (NumberFormatException e) {
            throw new UsageException("--pool takes a hex address (0xffff9b00021ff380 or ffff9b00`021ff380), not '" + s + "'");
        }
    }
}
