package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.sql.SqlProblem;

@RuleInfo(id = "RS003", name = "unterminated-literal", severity = Severity.ERROR,
        summary = "A string, quoted identifier, dollar-quoted body or block comment that never ends.",
        why = "Redshift reads everything after the opening quote as part of it, so the following statements "
                + "never run, or the statement fails.",
        fix = "Close the quote, dollar quote or comment.")
public final class UnterminatedLiteralRule implements Rule {

    @Override
    public void checkProject(Project project, Reporter reporter) {
        ProjectScripts.report(project, SqlProblem.Kind.UNTERMINATED, reporter);
    }
}
