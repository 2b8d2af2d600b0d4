package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import dev.pooltags.report.LookupReport;
import dev.pooltags.report.TagFileCheckReport;
import dev.pooltags.source.UsageException;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import dev.pooltags.tagdb.TagFile;
import dev.pooltags.tagdb.TagLookup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags lookup}: who owns a tag, according to Pooltag.txt and local tag files. */
@Command(name = "lookup", mixinStandardHelpOptions = true)
public final class LookupCommand extends Subcommand {
    @Mixin
    TagFileOptions tagFiles;

    @Mixin
    ReportOptions output = report("text (default), json or csv.", LookupReport.renderers(List.of()));

    static final class Mode {
        @Option(names = "--binary", paramLabel = "NAME", description = "List the tags a binary owns (ntfs.sys, ntfs, nt!mm).")
        String binary;

        @Option(names = "--check", paramLabel = "FILE",
                description = "Read a tag file and list each irregular line with its number, why, and what was kept.")
        Path check;

        @Option(names = "--tags-in", paramLabel = "FILE",
                description = "Look up every tag a snapshot file or a kernel crash dump holds (any file 'convert' reads), most bytes first.")
        Path tagsIn;
    }

    @ArgGroup(exclusive = true)
    Mode mode;

    @Parameters(paramLabel = "TAG", arity = "0..*", description = "Tags or patterns to look up.")
    List<String> tags = new ArrayList<>();

    @Override
    protected void validate() {
        if (mode != null && !tags.isEmpty()) { // each mode reads or lists tags of its own
            String what = mode.check != null ? "--check reads one tag file"
                    : mode.binary != null ? "--binary lists one binary's tags" : "--tags-in looks up the tags of one file";
            throw new UsageException(what + " and takes no tags (got '" + tags.get(0) + "')");
        }
        // a wrong format is a usage error before any file is read, as a typo in a tag is
        if (mode != null && mode.check != null && !TagFileCheckReport.RENDERERS.names().contains(output.format())) {
            throw new UsageException("--check writes text or json, not " + output.format());
        }
    }

    @Override
    protected ExitCode execute() {
        PrintWriter stdout = out();
        OutputFile target = output.check();
        if (mode != null && mode.check != null) {
            TagFile f = TagFileOptions.readNamed(mode.check, 0);
            if (f.size() == 0 && f.irregular().isEmpty()) {
                TagFileOptions.noEntries(mode.check, f);
            }
            target.write(stdout, w -> TagFileCheckReport.RENDERERS.render(output.format(), w, f));
            return f.irregular().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
        if (mode != null && mode.binary != null) {
            TagDatabase db = tagFiles.load(true);
            List<TagEntry> entries = db.byBinary(mode.binary);
            target.write(stdout, w -> LookupReport.binaryRenderers(mode.binary).render(output.format(), w, entries));
            return entries.isEmpty() ? ExitCode.FINDINGS : ExitCode.OK;
        }
        if (mode != null && mode.tagsIn != null) {
            tags = tagsOf(mode.tagsIn, err());
            if (tags.isEmpty()) {
                stdout.println(mode.tagsIn + ": holds no pool tags");
                stdout.flush();
                return ExitCode.OK;
            }
        }
        if (tags.isEmpty()) {
            throw new UsageException("name at least one TAG (or use --binary NAME, --check FILE or --tags-in FILE); see 'pooltags lookup --help'");
        }
        // Parse every argument before reading any file, so a typo is a usage error even without a tag file.
        for (String q : tags) {
            TagLookup.answer(TagDatabase.empty(), q);
        }
        TagDatabase db = tagFiles.load(true);
        List<TagLookup.Answer> answers = new ArrayList<>();
        boolean allFound = true;
        for (String q : tags) {
            TagLookup.Answer a = TagLookup.answer(db, q);
            answers.add(a);
            allFound &= a.found();
        }
        target.write(stdout, w -> LookupReport.renderers(db.files()).render(output.format(), w, answers));
        return allFound ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** The distinct tags of every snapshot in a file (a dump included), most bytes first, as lookup queries. */
    static List<String> tagsOf(Path file, PrintWriter err) {
        java.util.Map<dev.pooltags.tag.PoolTag, Long> bytes = new java.util.HashMap<>();
        for (dev.pooltags.snapshot.Snapshot s : dev.pooltags.snapshot.SnapshotInputs.readSeries(
                dev.pooltags.sniff.Inputs.snapshots().expand(List.of(file), w -> err.println("pooltags: " + w)), w -> {
            err.println("pooltags: warning: " + w);
            err.flush();
        })) {
            for (dev.pooltags.snapshot.TagCounters r : s.rows()) {
                if (r.tag() != null) {
                    bytes.merge(r.tag(), r.bytes(), Long::sum);
                }
            }
        }
        List<dev.pooltags.tag.PoolTag> order = new ArrayList<>(bytes.keySet());
        order.sort(java.util.Comparator.comparing((dev.pooltags.tag.PoolTag t) -> -bytes.get(t)).thenComparing(t -> t));
        List<String> out = new ArrayList<>();
        for (dev.pooltags.tag.PoolTag t : order) {
            String text = t.memoryText();
            // a tag holding * or ? would read as a pattern, and a short text as padded: those go by value
            out.add(text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('\'') >= 0 || text.length() != 4 ? t.hexText() : text);
        }
        return out;
    }
}
