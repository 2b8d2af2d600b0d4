package dev.pooltags.lint;

import dev.pooltags.report.LintReport;

/** A deliberately wrong analysis (test sources only): it knows a report. LayeringRulesBiteTest. */
final class LayeringFixtureAnalysisImportsReport {
    private LayeringFixtureAnalysisImportsReport() {}

    static String reportName() {
        return LintReport.class.getSimpleName();
    }
}
