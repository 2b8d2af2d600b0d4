package dev.pooltags.leak.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.Pattern;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.SeriesCheck;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real series in ../shared/data/series/leak_timeseries.csv and the leaks quoted in realworld_samples.md. */
class RealSeriesSharedDataTest {
    static final Path CSV = Path.of("../shared/data/series/leak_timeseries.csv");

    static RealSeries.RealCase find(List<RealSeries.RealCase> cases, String part) {
        return cases.stream().filter(c -> c.name().contains(part)).findFirst().orElseThrow();
    }

    static TagVerdict judge(RealSeries.RealCase c) {
        SeriesCheck.Outcome o = SeriesCheck.check(c.snapshots());
        assertThat(o.usable()).as(String.valueOf(o.problem())).isTrue();
        return LeakAnalysis.analyze(o.series(), LeakOptions.DEFAULTS).ranked().get(0);
    }

    @Test
    void reads_three_cases_from_the_file() {
        List<RealSeries.RealCase> cases = RealSeries.readCsv(CSV);
        assertThat(cases).extracting(RealSeries.RealCase::name).containsExactly(
                "msdocs poolmon-examples Example 4 Drsd Paged", "PoolmonViz poolmon-powershell.ps1 help FMfn Paged",
                "microsoft/Windows-Dev-Performance#137 Proc Nonp");
    }

    @Test
    void microsofts_print_job_leaves_six_blocks_of_832_bytes() {
        RealSeries.RealCase drsd = find(RealSeries.readCsv(CSV), "Drsd");
        assertThat(drsd.phase()).isTrue();
        PhaseComparison.TagChange c = PhaseComparison.compare(drsd.baseline(), drsd.after(), LeakOptions.DEFAULTS)
                .ranked().get(0);
        assertThat(c.count().leftBehind()).isEqualTo(6);
        assertThat(c.bytes().leftBehind()).isEqualTo(4992);
        assertThat(c.verdict()).isEqualTo(Verdict.LIKELY_LEAK);
    }

    @Test
    void the_process_object_leak_grew_then_was_released_by_the_fixed_driver() {
        RealSeries.RealCase proc = find(RealSeries.readCsv(CSV), "Proc");
        assertThat(proc.note()).contains("'after driver update' has no time");
        TagVerdict all = judge(proc);
        assertThat(all.count().pattern()).isEqualTo(Pattern.RELEASED);
        assertThat(all.verdict()).isEqualTo(Verdict.STABLE);
        // the two samples while the driver leaked: 2,655 then 39,511 outstanding 18 hours later
        RealSeries.RealCase leaking = new RealSeries.RealCase(proc.name(), proc.snapshots().subList(0, 2), List.of(),
                List.of(), proc.note(), proc.reported());
        TagVerdict two = judge(leaking);
        assertThat(two.verdict()).as("two samples can only be too early to judge").isEqualTo(Verdict.EARLY);
        assertThat(two.explanation()).contains("Only 2 samples").contains("+36,856 allocations");
    }

    @Test
    void five_seconds_of_fmfn_bytes_show_no_trend() {
        TagVerdict v = judge(find(RealSeries.readCsv(CSV), "FMfn"));
        assertThat(v.verdict()).isEqualTo(Verdict.STABLE);
        assertThat(v.bytes().pattern()).isEqualTo(Pattern.FLAT);
    }

    @Test
    void quoted_leaks_pinned_memory_is_stable_and_two_point_growth_is_too_early() {
        List<RealSeries.RealCase> q = RealSeries.quoted();
        assertThat(judge(find(q, "WSL#41644")).verdict()).isEqualTo(Verdict.STABLE);
        assertThat(judge(find(q, "WSL#40804 NtFC")).verdict()).isEqualTo(Verdict.EARLY);
        assertThat(judge(find(q, "(comment) IoFE")).explanation()).contains("+1,006,714 allocations");
        assertThat(RealSeries.quotedSingleSamples()).hasSize(5);
    }
}
