package dev.pooltags.lint;

import dev.pooltags.project.Project;
import java.util.List;

/**
 * What a lint run produced.
 *
 * @param findings   every finding (suppressed ones flagged), sorted by file, line, column and rule
 * @param tagUses    the tag inventory
 * @param files      number of files read
 * @param lines      number of lines read
 * @param projects   the projects found
 * @param notices    what the run could not do in full (a function too large to follow, findings beyond the limit
 *                   per rule and file), one sentence each
 * @param wrappers   the driver's own functions taken as pool routines (declared in .pooltags.yml or found)
 */
public record LintResult(List<Finding> findings, List<TagUse> tagUses, int files, long lines, List<Project> projects,
        List<String> notices, List<PoolWrapper> wrappers) {
    /** Findings not silenced in the source. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    public long suppressedCount() {
        return findings.stream().filter(Finding::suppressed).count();
    }
}
