package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.Script;
import io.github.rsevolve.core.sql.SqlProblem;

/** Ways through a project's scripts that several rules share. */
final class ProjectScripts {

    private ProjectScripts() {
    }

    /** Reports the engine's problems of one kind, in every file, as they are. */
    static void report(Project project, SqlProblem.Kind kind, Reporter reporter) {
        for (Script script : project.scripts()) {
            for (SqlProblem problem : script.script().problems()) {
                if (problem.kind() == kind) {
                    reporter.report(problem.file(), problem.offset(), problem.message(), problem.fix());
                }
            }
        }
    }
}
