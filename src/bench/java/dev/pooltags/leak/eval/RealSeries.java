package dev.pooltags.leak.eval;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Real per-tag series from public reports, turned into snapshots for the evaluation.
 *
 * <p>{@link #readCsv} reads the layout of the shared {@code series/leak_timeseries.csv}: a header
 * {@code source,tag,pool,sample,time,allocs,frees,diff,bytes,note}, one row per sample, where allocs, frees, diff
 * and bytes may be empty (a report that gave only bytes or only Diff). Rows of one source, tag and pool form one
 * case. The time column holds an ISO date-time (read as UTC), an uptime ({@code uptime 18h05m}, counted from a
 * common boot), or a phase label: {@code before X} and {@code after X} (the same X) make a baseline/after
 * comparison; any other label is placed one hour after the previous sample, and the case says so.
 *
 * <p>{@link #quoted} holds the leaks quoted with numbers in the shared {@code realworld_samples.md} (GitHub issues)
 * that give at least two points in time, as those numbers, and says which ones give only one sample.
 */
public final class RealSeries {
    private static final Instant BOOT = Instant.parse("2020-01-01T00:00:00Z");
    private static final java.util.regex.Pattern UPTIME =
            java.util.regex.Pattern.compile("uptime\\s+(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?");

    /**
     * One real case.
     *
     * @param name      source and tag
     * @param snapshots the series (empty for a phase comparison)
     * @param baseline  the baseline samples of a phase comparison (empty otherwise)
     * @param after     the after samples of a phase comparison
     * @param note      where the numbers come from and any liberty taken (placed times)
     * @param reported  what the report itself concluded
     */
    public record RealCase(String name, List<Snapshot> snapshots, List<Snapshot> baseline, List<Snapshot> after,
            String note, String reported) {
        public boolean phase() {
            return !baseline.isEmpty();
        }
    }

    private RealSeries() {}

    /** The cases of a file in the leak_timeseries.csv layout. */
    public static List<RealCase> readCsv(Path file) {
        Map<String, List<NamedCsvRecord>> groups = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord rec : r) {
                for (String col : List.of("source", "tag", "pool", "time")) {
                    if (rec.findField(col).isEmpty()) {
                        throw new InputException(file.toString(), rec.getStartingLineNumber(),
                                "missing column '" + col + "' (expected source,tag,pool,sample,time,allocs,frees,diff,bytes,note)");
                    }
                }
                String key = rec.getField("source") + "|" + rec.getField("tag") + "|" + rec.getField("pool");
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(rec);
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + dev.pooltags.source.Reasons.of(e), e);
        } catch (UncheckedIOException e) {
            throw new InputException(file, "cannot be read: " + dev.pooltags.source.Reasons.of(e), e);
        }
        List<RealCase> out = new ArrayList<>();
        for (List<NamedCsvRecord> g : groups.values()) {
            out.add(toCase(file, g));
        }
        return out;
    }

    private static RealCase toCase(Path file, List<NamedCsvRecord> rows) {
        NamedCsvRecord head = rows.get(0);
        String source = head.getField("source");
        PoolTag tag;
        PoolType type;
        try {
            tag = PoolTag.parse(head.getField("tag"));
            type = PoolType.parse(head.getField("pool").equalsIgnoreCase("Nonpaged") ? "Nonp" : head.getField("pool"));
        } catch (RuntimeException e) {
            throw new InputException(file.toString(), head.getStartingLineNumber(), e.getMessage());
        }
        List<Snapshot> series = new ArrayList<>();
        List<Snapshot> baseline = new ArrayList<>();
        List<Snapshot> after = new ArrayList<>();
        StringBuilder note = new StringBuilder(source);
        StringBuilder reported = new StringBuilder();
        // "before X" and "after X" with the same X make a phase comparison; a lone "after ..." is just a label
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (NamedCsvRecord r : rows) {
            labels.add(r.getField("time").trim().toLowerCase(Locale.ROOT));
        }
        Instant prev = null;
        int phaseHour = 0;
        for (NamedCsvRecord r : rows) {
            String when = r.getField("time").trim();
            long allocs = number(file, r, "allocs");
            long frees = number(file, r, "frees");
            long diff = number(file, r, "diff");
            long bytes = Math.max(0, number(file, r, "bytes"));
            if (allocs < 0 && diff >= 0) { // only Diff reported: outstanding as allocs with no frees
                allocs = diff;
                frees = 0;
            }
            TagCounters row = TagCounters.of(tag, type, Math.max(0, allocs), Math.max(0, frees), bytes);
            String lower = when.toLowerCase(Locale.ROOT);
            if (!r.getField("note").isBlank()) {
                if (reported.length() > 0) {
                    reported.append("; ");
                }
                reported.append(when).append(": ").append(r.getField("note"));
            }
            boolean phaseLabel = lower.startsWith("before ") && labels.contains("after " + lower.substring(7))
                    || lower.startsWith("after ") && labels.contains("before " + lower.substring(6));
            if (phaseLabel) {
                Snapshot s = new Snapshot(BOOT.plusSeconds(3600L * phaseHour++), "", source + " (" + when + ")", List.of(row));
                (lower.startsWith("before") ? baseline : after).add(s);
                continue;
            }
            Instant t = time(when);
            if (t == null) {
                t = prev == null ? BOOT : prev.plus(Duration.ofHours(1));
                note.append("; '").append(when).append("' has no time: placed 1 h after the previous sample");
            }
            series.add(new Snapshot(t, "", source, List.of(row)));
            prev = t;
        }
        return new RealCase(source + " " + tag.memoryText() + " " + type.poolmonName(), series, baseline, after,
                note.toString(), reported.toString());
    }

    private static Instant time(String when) {
        try {
            return LocalDateTime.parse(when).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a date-time; try an uptime
        }
        Matcher m = UPTIME.matcher(when.toLowerCase(Locale.ROOT));
        if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
            long s = 0;
            s += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
            s += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
            s += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
            return BOOT.plusSeconds(s);
        }
        return null;
    }

    private static long number(Path file, NamedCsvRecord r, String col) {
        String v = r.findField(col).orElse("").trim();
        if (v.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InputException(file.toString(), r.getStartingLineNumber(), "'" + col + "' is not a whole number: " + v);
        }
    }

    /**
     * The leaks quoted with numbers in realworld_samples.md (section 12), those with two or more points in time.
     * Counts only (the reports give outstanding allocations, or bytes, not both).
     */
    public static List<RealCase> quoted() {
        List<RealCase> out = new ArrayList<>();
        // microsoft/WSL#41644: NtFC 21353.2 MB, byte-identical in two captures 1 h apart (pinned, not growing)
        long ntfc = Math.round(21353.2 * 1024 * 1024);
        out.add(bytesCase("microsoft/WSL#41644 NtFC Nonp", "NtFC", PoolType.NONPAGED, new long[] {0, 3600},
                new long[] {ntfc, ntfc}, "21353.2 MB in two captures 1 h apart",
                "byte-identical 1 h apart: pinned, not growing"));
        // microsoft/WSL#40804: NtFC nonpaged at 0.8 GB after reboot, growing 21.4-23.1 GB/h while WSL2 runs
        long gb = 1024L * 1024 * 1024;
        out.add(bytesCase("microsoft/WSL#40804 NtFC Nonp", "NtFC", PoolType.NONPAGED, new long[] {0, 3600},
                new long[] {Math.round(0.8 * gb), Math.round((0.8 + 21.4) * gb)},
                "0.8 GB after reboot and the lower quoted rate (21.4 GB/h) one hour on: two points derived from the quote",
                "leak: 21.4-23.1 GB/h while WSL2 runs"));
        // microsoft/WSL#40804 comment: outstanding deltas over 4.91 days, in lock-step
        String[] tags = {"WCsc", "NtfC", "File", "IoNm", "FOCX", "FMfc", "FMwi", "IoFE"};
        long[] deltas = {503_677, 503_712, 514_826, 504_435, 503_787, 503_797, 503_677, 1_006_714};
        long span = Math.round(4.91 * 86400);
        for (int i = 0; i < tags.length; i++) {
            out.add(countCase("microsoft/WSL#40804 (comment) " + tags[i], tags[i], PoolType.NONPAGED,
                    new long[] {0, span}, new long[] {0, deltas[i]}, "outstanding change over 4.91 days, as quoted",
                    "grew in lock-step with WCsc (wcifs.sys): correlated tags reveal the owner"));
        }
        return out;
    }

    /** Quoted leaks that give a single sample: no trend can be measured from them. */
    public static List<String> quotedSingleSamples() {
        return List.of(
                "anthropics/claude-code#55361: NtFC allocs:frees = 134M : 484, ~2 GB/h (one sample with a rate)",
                "microsoft/Windows-Containers#646: WCsc/WCfc/WCri 0 frees in 7.5M allocs (one sample)",
                "microsoft/WSL#41296: Toke, FMfn, Ntfc, IoNm, SeAt ... MB / outstanding (one sample)",
                "0x0 Live AcpWdfWorkItem Leak (2024): amda 5,768,754 and IoWI 5,769,999 outstanding (one !poolused)",
                "sandboxie-plus/Sandboxie#444: Strg Diff rising ~400/s (a rate, no samples)");
    }

    private static RealCase countCase(String name, String tag, PoolType type, long[] seconds, long[] counts, String note,
            String reported) {
        List<Snapshot> s = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            s.add(new Snapshot(BOOT.plusSeconds(seconds[i]), "", name,
                    List.of(TagCounters.of(PoolTag.parse(tag), type, counts[i], 0, 0))));
        }
        return new RealCase(name, s, List.of(), List.of(), note, reported);
    }

    private static RealCase bytesCase(String name, String tag, PoolType type, long[] seconds, long[] bytes, String note,
            String reported) {
        List<Snapshot> s = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            s.add(new Snapshot(BOOT.plusSeconds(seconds[i]), "", name,
                    List.of(TagCounters.of(PoolTag.parse(tag), type, 0, 0, bytes[i]))));
        }
        return new RealCase(name, s, List.of(), List.of(), note, reported);
    }
}
