package io.github.rsevolve.core.report;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintResult;
import io.github.rsevolve.core.validate.ValidateResult;
import java.util.ArrayList;
import java.util.List;

/** The log lines of a lint run: a header per file, one line per finding, one summary line. */
public final class TextReporter {

    /** A line and how serious it is, so the caller can log it at the matching level. */
    public record Line(Severity severity, String text) {
    }

    private TextReporter() {
    }

    public static List<Line> lines(List<Finding> findings, String summary) {
        List<Line> lines = new ArrayList<>();
        String file = null;
        for (Finding finding : findings) {
            if (!finding.file().equals(file)) {
                file = finding.file();
                lines.add(new Line(Severity.INFO, file));
            }
            lines.add(new Line(finding.severity(), "  " + finding));
        }
        lines.add(new Line(Severity.INFO, summary));
        return lines;
    }

    public static String summary(LintResult result) {
        return String.format("redshift:lint: %d error(s), %d warning(s), %d info in %d file(s), %d statement(s), "
                        + "%d ms", result.count(Severity.ERROR), result.count(Severity.WARNING),
                result.count(Severity.INFO), result.files(), result.statements(), result.millis());
    }

    public static String validateSummary(ValidateResult result) {
        long total = result.phases().values().stream().mapToLong(Long::longValue).sum();
        return String.format("redshift:validate: %d error(s), %d warning(s), %d info; %d drift(s); %d ms",
                result.count(Severity.ERROR), result.count(Severity.WARNING), result.count(Severity.INFO),
                result.drift().size(), total);
    }
}
