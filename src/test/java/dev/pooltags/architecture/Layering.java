package dev.pooltags.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layering of pooltags' packages as rules (docs/architecture.md states the same, table for table): the floors,
 * which package may import which, no cycles, and no source or analysis that knows the command line or a report.
 */
final class Layering {
    static final String ROOT = "dev.pooltags";

    /** The floors, bottom up; a floor may import the floors below it, never one above. */
    static final Map<String, List<String>> FLOORS = new LinkedHashMap<>();

    /**
     * Every package of the lower three floors and the pooltags packages it may import (besides its own and the JDK's
     * and libraries'): within a floor the arrows run one way too.
     */
    static final Map<String, List<String>> MAY_IMPORT = new LinkedHashMap<>();

    static {
        FLOORS.put("ground", List.of("tag", "core", "threshold", "source", "output"));
        FLOORS.put("sources", List.of("event", "pe", "tagdb", "project", "poolblock", "dump", "snapshot", "trace", "specialpool",
                "debugger", "sniff"));
        FLOORS.put("analyses", List.of("pool", "replay", "scan", "lint", "leak", "live", "sim"));
        FLOORS.put("reports", List.of("report"));
        FLOORS.put("front ends", List.of("serve", "serve.http"));
        FLOORS.put("commands", List.of("cli"));

        // ground
        MAY_IMPORT.put("tag", List.of());
        MAY_IMPORT.put("core", List.of());
        MAY_IMPORT.put("threshold", List.of());
        MAY_IMPORT.put("source", List.of());
        MAY_IMPORT.put("output", List.of("source"));
        // sources and the model records they produce
        MAY_IMPORT.put("event", List.of("tag", "core"));
        MAY_IMPORT.put("pe", List.of("source"));
        MAY_IMPORT.put("tagdb", List.of("tag", "source"));
        MAY_IMPORT.put("project", List.of("core", "source"));
        MAY_IMPORT.put("poolblock", List.of("tag"));
        MAY_IMPORT.put("dump", List.of("tag", "source", "pe", "poolblock"));
        MAY_IMPORT.put("snapshot", List.of("tag", "source", "output", "dump"));
        MAY_IMPORT.put("trace", List.of("tag", "core", "source", "event"));
        MAY_IMPORT.put("specialpool", List.of("tag", "source"));
        MAY_IMPORT.put("debugger", List.of("tag", "source", "event", "tagdb", "poolblock", "snapshot", "trace"));
        MAY_IMPORT.put("sniff", List.of("source", "snapshot", "trace", "debugger"));
        // analyses
        MAY_IMPORT.put("pool", List.of("tag", "core", "event", "snapshot"));
        MAY_IMPORT.put("replay", List.of("tag", "event", "snapshot", "trace", "pool"));
        MAY_IMPORT.put("scan", List.of("tag", "core", "source", "pe", "tagdb"));
        MAY_IMPORT.put("lint", List.of("tag", "core", "source", "tagdb", "project"));
        MAY_IMPORT.put("leak", List.of("core", "threshold", "snapshot"));
        MAY_IMPORT.put("live", List.of("snapshot", "leak"));
        MAY_IMPORT.put("sim", List.of("tag", "source", "event", "tagdb", "snapshot", "trace", "pool"));
    }

    private Layering() {}

    /** Measurement code that leaves the product (issue 13 item 7) is not held to the product's floors. */
    static final class WithoutMeasurement implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/dev/pooltags/bench/") && !location.contains("/dev/pooltags/leak/eval/");
        }
    }

    static String pkg(String name) {
        return ROOT + "." + name;
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(Layering::pkg).toArray(String[]::new);
    }

    private static List<String> floor(String name) {
        return FLOORS.get(name);
    }

    /** The floors: each may be used only by the floors above it; every floor has classes. */
    static ArchRule floors() {
        return floors(false);
    }

    /** As {@link #floors()}; {@code optional}: a floor may be empty (a check of a few classes). */
    static ArchRule floors(boolean optional) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(optional)
                .layer("ground").definedBy(packages(floor("ground")))
                .layer("sources").definedBy(packages(floor("sources")))
                .layer("analyses").definedBy(packages(floor("analyses")))
                .layer("reports").definedBy(packages(floor("reports")))
                .layer("front ends").definedBy(packages(floor("front ends")))
                .layer("commands").definedBy(packages(floor("commands")))
                .whereLayer("commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("front ends").mayOnlyBeAccessedByLayers("commands")
                .whereLayer("reports").mayOnlyBeAccessedByLayers("front ends", "commands")
                .whereLayer("analyses").mayOnlyBeAccessedByLayers("reports", "front ends", "commands")
                .whereLayer("sources").mayOnlyBeAccessedByLayers("analyses", "reports", "front ends", "commands")
                .as("the floors: ground < sources < analyses < reports < front ends < commands, used only from above");
    }

    /** Each package of the lower floors imports only the pooltags packages its row names. */
    static ArchRule directions() {
        return directions(false);
    }

    /** As {@link #directions()}; {@code optional}: a package may have no classes (a check of a few classes). */
    static ArchRule directions(boolean optional) {
        List<ArchRule> rules = new ArrayList<>();
        MAY_IMPORT.forEach((p, allowed) -> {
            List<String> ok = new ArrayList<>(allowed);
            ok.add(p);
            rules.add(noClasses().that().resideInAPackage(pkg(p))
                    .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                            .and(not(resideInAnyPackage(packages(ok)))))
                    .allowEmptyShould(optional)
                    .as(pkg(p) + " imports " + (allowed.isEmpty() ? "no other pooltags package" : "only " + String.join(", ", allowed))));
        });
        return CompositeArchRule.of(rules).as("every package dependency of the lower floors runs the documented way");
    }

    /** No cycle between top-level packages (a subpackage such as serve.http counts with its parent). */
    static ArchRule noCycles() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().as("no cycles between packages");
    }

    /** What a person can name in one sentence: a source or an analysis never knows a command or a report. */
    static ArchRule lowerFloorsKnowNoCommandOrReport() {
        List<String> lower = new ArrayList<>();
        lower.addAll(floor("ground"));
        lower.addAll(floor("sources"));
        lower.addAll(floor("analyses"));
        return noClasses().that().resideInAnyPackage(packages(lower))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("cli") + "..", pkg("report") + "..",
                        pkg("serve") + "..")
                .as("no source or analysis imports a cli, report or serve class");
    }
}
