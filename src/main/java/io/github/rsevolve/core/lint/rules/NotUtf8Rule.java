package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.sql.SqlProblem;

@RuleInfo(id = "RS002", name = "not-utf8", severity = Severity.WARNING,
        summary = "A file that is not valid UTF-8 (read as ISO-8859-1 instead).",
        why = "Redshift stores text as UTF-8; string literals in another encoding load different characters than "
                + "the author saw.",
        fix = "Save the file as UTF-8.")
public final class NotUtf8Rule implements Rule {

    @Override
    public void checkProject(Project project, Reporter reporter) {
        ProjectScripts.report(project, SqlProblem.Kind.NOT_UTF8, reporter);
    }
}
