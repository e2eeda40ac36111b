package io.github.rsevolve.core.sql;

import java.util.List;

/** A source file split into statements, with what went wrong reading or splitting it. */
public record SqlScript(SourceFile file, List<SqlStatement> statements, List<SqlProblem> problems) {

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
