package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.lint.Changeset;
import io.github.rsevolve.core.lint.LintProject;
import io.github.rsevolve.core.lint.LintedScript;
import io.github.rsevolve.core.sql.SqlProblem;
import java.util.stream.Stream;

/** Ways through a project's scripts that several rules share. */
final class ProjectScripts {

    private ProjectScripts() {
    }

    static Stream<LintedScript> all(LintProject project) {
        return Stream.of(project.absolute().stream(), project.changesets().stream().map(Changeset::script),
                project.etl().stream()).flatMap(s -> s);
    }

    /** The engine's problems of one kind, in every file. */
    static Stream<SqlProblem> problems(LintProject project, SqlProblem.Kind kind) {
        return all(project).flatMap(s -> s.script().problems().stream()).filter(p -> p.kind() == kind);
    }
}
