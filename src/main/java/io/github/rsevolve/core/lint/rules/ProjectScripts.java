package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.Script;
import io.github.rsevolve.core.sql.SqlProblem;
import java.util.stream.Stream;

/** Ways through a project's scripts that several rules share. */
final class ProjectScripts {

    private ProjectScripts() {
    }

    static Stream<Script> all(Project project) {
        return Stream.of(project.absolute().stream(), project.changesets().stream().map(Changeset::script),
                project.etl().stream()).flatMap(s -> s);
    }

    /** The engine's problems of one kind, in every file. */
    static Stream<SqlProblem> problems(Project project, SqlProblem.Kind kind) {
        return all(project).flatMap(s -> s.script().problems().stream()).filter(p -> p.kind() == kind);
    }
}
