package dev.pooltags.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.lint.Rule;
import dev.pooltags.pool.PoolRule;
import dev.pooltags.pool.PoolRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lint rules and the pool model's rules describe themselves with the same record (issue 13 item 1). */
class RuleDescriptionTest {
    @Test
    void everyRuleOfEitherKindIsFullyDescribed() {
        List<RuleDescription> all = new ArrayList<>();
        for (Rule r : Rule.all()) {
            RuleDescription d = r.description();
            assertThat(d.id()).isEqualTo(r.id());
            assertThat(d.name()).isEqualTo(r.name());
            assertThat(d.severity()).isEqualTo(r.severity());
            assertThat(d.source()).isEqualTo(r.meta().helpUri()).startsWith("https://");
            all.add(d);
        }
        for (PoolRule r : PoolRules.all()) {
            RuleDescription d = r.description();
            assertThat(d.id()).isEqualTo(r.id());
            assertThat(d.title()).isEqualTo(r.title());
            assertThat(d.source()).isEqualTo(r.source());
            assertThat(d.name()).as(r.id()).matches("[A-Z][A-Za-z0-9]+").doesNotEndWith("Rule");
            all.add(d);
        }
        Set<String> ids = new HashSet<>();
        for (RuleDescription d : all) {
            assertThat(ids.add(d.id())).as("unique id " + d.id()).isTrue();
            assertThat(List.of(d.title(), d.help(), d.source())).as(d.id()).allSatisfy(t -> assertThat(t).isNotBlank());
            assertThat(d.severity()).as(d.id()).isNotEqualTo(Severity.NONE);
        }
        assertThat(PoolRules.byId("double-free").description().name()).isEqualTo("DoubleFree");
    }
}
