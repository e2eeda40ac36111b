package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.sql.SqlProblem;

@RuleInfo(id = "RS001", name = "unreadable-file", severity = Severity.ERROR,
        summary = "A .sql file that cannot be read as SQL text: a directory, unreadable, binary or too large.",
        why = "Nothing in the file can be checked or deployed.",
        fix = "Make the file a readable UTF-8 SQL file, or move it out of the SQL folders.")
public final class UnreadableFileRule implements Rule {

    @Override
    public void checkProject(Project project, Reporter reporter) {
        ProjectScripts.report(project, SqlProblem.Kind.UNREADABLE_FILE, reporter);
    }
}
