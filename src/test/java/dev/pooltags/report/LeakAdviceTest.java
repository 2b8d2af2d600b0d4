package dev.pooltags.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.leak.Metric;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagPattern;
import dev.pooltags.tagdb.EntrySource;
import dev.pooltags.tagdb.TagEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice names the owner with the file it came from, which is not always Pooltag.txt. */
class LeakAdviceTest {
    static TagVerdict leak(String tag) {
        return new TagVerdict(new TagCounters.RowKey(PoolTag.parse(tag), null, PoolType.NONPAGED), Verdict.LEAK, 90,
                Metric.COUNT, null, null, null, false, -1, -1, "", null, Double.NaN, List.of());
    }

    static TagEntry owner(String tag, String binary, String description, String file) {
        return new TagEntry(TagPattern.parse(tag), binary, description, new EntrySource(file, 11, 0));
    }

    @Test
    void theOwnerIsNamedWithTheFileItCameFrom() {
        assertThat(LeakAdvice.of(leak("NfRx"), owner("NfRx", "netfilt.sys", "netfilt!NfReceiveIndicate", "demo:leak-slow drivers")))
                .startsWith("The owner is netfilt.sys (netfilt!NfReceiveIndicate), from demo:leak-slow drivers. ")
                .doesNotContain("Pooltag.txt");
        assertThat(LeakAdvice.of(leak("AfdB"), owner("AfdB", "afd.sys", "", "../shared/data/pooltag/pooltag-2023.txt")))
                .startsWith("The owner is afd.sys, from pooltag-2023.txt. ");
        assertThat(LeakAdvice.of(leak("Pa01"), owner("Pa01", "poolalloc.sys", "", "C:\\tools\\localtag.txt")))
                .startsWith("The owner is poolalloc.sys, from localtag.txt. ");
    }

    @Test
    void withoutAnOwnerItSaysHowToFindOne() {
        assertThat(LeakAdvice.of(leak("Lk2x"), null)).startsWith("No tag file names an owner: find the driver with 'pooltags who Lk2x'");
    }
}
