package dev.pooltags.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import org.junit.jupiter.api.Test;

/**
 * The layering rules fail on wrong code: each rule is evaluated on a deliberately wrong class compiled into the test
 * sources (a source that imports the command line, an analysis that imports a report, a reader that imports a
 * package its row does not list, a tag class that closes a cycle), and must name it.
 */
class LayeringRulesBiteTest {
    private static JavaClasses classes(String... names) throws ClassNotFoundException {
        Class<?>[] c = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = Class.forName(names[i]);
        }
        return new ClassFileImporter().importClasses(c);
    }

    private static void violates(ArchRule rule, JavaClasses classes, String fixture) {
        EvaluationResult r = rule.evaluate(classes);
        assertThat(r.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(r.getFailureReport().toString()).contains(fixture);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aSourceThatImportsTheCommandLineFailsEveryRuleThatCoversIt() throws Exception {
        String fixture = "dev.pooltags.snapshot.LayeringFixtureSourceImportsCommand";
        JavaClasses c = classes(fixture, "dev.pooltags.cli.Main");
        violates(Layering.lowerFloorsKnowNoCommandOrReport(), c, fixture);
        violates(Layering.floors(true), c, fixture);
        violates(Layering.directions(true), c, fixture);
    }

    @Test
    void anAnalysisThatImportsAReportFails() throws Exception {
        String fixture = "dev.pooltags.lint.LayeringFixtureAnalysisImportsReport";
        JavaClasses c = classes(fixture, "dev.pooltags.report.LintReport");
        violates(Layering.lowerFloorsKnowNoCommandOrReport(), c, fixture);
        violates(Layering.floors(true), c, fixture);
    }

    @Test
    void anArrowWithinAFloorThatTheTableDoesNotListFailsTheDirections() throws Exception {
        String fixture = "dev.pooltags.pe.LayeringFixtureReaderImportsSnapshot";
        JavaClasses c = classes(fixture, Snapshot.class.getName());
        assertThat(Layering.floors(true).evaluate(c).hasViolation()).as("same floor: the floors allow it").isFalse();
        violates(Layering.directions(true), c, fixture);
    }

    @Test
    void aCycleFails() throws Exception {
        String fixture = "dev.pooltags.tag.LayeringFixtureTagImportsSnapshot";
        JavaClasses c = classes(fixture, TagCounters.class.getName(), PoolTag.class.getName(), PoolType.class.getName());
        violates(Layering.noCycles(), c, "LayeringFixtureTagImportsSnapshot");
    }

    @Test
    void theProductsOwnTrueArrowsPass() throws Exception {
        JavaClasses c = classes(TagCounters.class.getName(), PoolTag.class.getName(), PoolType.class.getName(),
                Snapshot.class.getName());
        for (ArchRule r : new ArchRule[] {Layering.floors(true), Layering.directions(true), Layering.noCycles(),
            Layering.lowerFloorsKnowNoCommandOrReport()}) {
            assertThat(r.evaluate(c).hasViolation()).as(r.getDescription()).isFalse();
        }
    }
}
