package dev.pooltags.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of docs/architecture.md, checked on the product's classes (issue 13 item 8). */
@AnalyzeClasses(packages = Layering.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, Layering.WithoutMeasurement.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule floors = Layering.floors();

    @ArchTest
    static final ArchRule directions = Layering.directions();

    @ArchTest
    static final ArchRule noCycles = Layering.noCycles();

    @ArchTest
    static final ArchRule lowerFloorsKnowNoCommandOrReport = Layering.lowerFloorsKnowNoCommandOrReport();
}
