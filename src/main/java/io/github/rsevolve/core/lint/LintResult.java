package io.github.rsevolve.core.lint;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import java.util.List;

/** The findings of one lint run, sorted by file, line and column, with what was read. */
public record LintResult(List<Finding> findings, int files, int statements, long millis) {

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether any finding is at least this serious. */
    public boolean hasAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold));
    }
}
