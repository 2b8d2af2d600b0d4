package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.core.RuleDescription;
import dev.pooltags.core.Severity;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Every leak pattern describes itself as lint and pool rules do, and never gives a verdict its severity denies. */
class PatternDescriptionTest {
    @Test
    void every_pattern_has_a_description_with_help_and_a_unique_id() {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Pattern p : Pattern.values()) {
            RuleDescription d = p.description();
            assertThat(d.id()).as(p.name()).isEqualTo(p.id());
            assertThat(ids.add(d.id())).as("id %s is unique", d.id()).isTrue();
            assertThat(names.add(d.name())).as("name %s is unique", d.name()).isTrue();
            assertThat(d.name()).matches("[A-Z][A-Za-z]+");
            assertThat(d.title()).isNotBlank().doesNotEndWith(".");
            assertThat(d.help()).as(p.name()).isNotBlank().hasSizeGreaterThan(60).doesNotContain("\r");
            assertThat(d.source()).startsWith("https://learn.microsoft.com/");
            assertThat(d.severity()).isEqualTo(p.strongest().severity());
        }
        assertThat(Pattern.STEADY_GROWTH.description().name()).isEqualTo("SteadyGrowth");
        assertThat(Pattern.STEADY_GROWTH.description().severity()).isEqualTo(Severity.ERROR);
        assertThat(Pattern.FLAT.description().severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void every_help_file_belongs_to_a_pattern() throws IOException, URISyntaxException {
        Path dir = Path.of(Pattern.class.getResource("help").toURI());
        Set<String> ids = new HashSet<>();
        for (Pattern p : Pattern.values()) {
            ids.add(p.id() + ".txt");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(ids::contains);
        }
    }

    @Property(tries = 200, seed = "13013")
    void no_series_gets_a_verdict_stronger_than_its_pattern_allows(
            @ForAll @Size(min = 2, max = 200) List<@LongRange(min = 0, max = 50_000) Long> steps,
            @ForAll @IntRange(min = 1, max = 120) int interval, @ForAll @IntRange(min = 0, max = 40) int drift) {
        List<Snapshot> s = new ArrayList<>();
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        PoolTag tag = PoolTag.parse("Prop");
        long allocs = 0;
        for (int i = 0; i < steps.size(); i++) {
            allocs += drift + steps.get(i) % 97; // growth of a chosen drift plus noise
            long frees = allocs / 2 + (steps.get(i) % 5 == 0 ? steps.get(i) % 1000 : 0);
            s.add(new Snapshot(t0.plusSeconds((long) i * interval), "h", "prop",
                    List.of(TagCounters.of(tag, PoolType.PAGED, allocs, Math.min(frees, allocs), allocs * 64))));
        }
        SeriesCheck.Outcome o = SeriesCheck.check(s);
        if (!o.usable()) {
            return;
        }
        LeakResult r = LeakAnalysis.analyze(SeriesTable.of(o.series()), LeakOptions.DEFAULTS, o.notes());
        for (TagVerdict v : r.ranked()) {
            for (MetricTrend m : List.of(v.bytes(), v.count())) {
                assertThat(m.pattern().strongest().atLeast(m.verdict())).as("%s: %s", m.pattern(), m.verdict())
                        .isTrue();
            }
        }
    }
}
