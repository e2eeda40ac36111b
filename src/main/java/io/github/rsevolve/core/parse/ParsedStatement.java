package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.Comment;
import io.github.rsevolve.core.model.Grant;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.SchemaObject;
import io.github.rsevolve.core.sql.SqlProblem;
import io.github.rsevolve.core.sql.SqlStatement;
import java.util.List;
import java.util.Set;

/**
 * What the Redshift dialect understood of one statement. Only the fields that fit its kind are set.
 *
 * @param target     the object the statement creates, alters, drops, loads or writes, or null
 * @param definition what a CREATE defines, or null
 * @param references the tables and views the statement reads or writes (queries, view bodies, DML targets)
 * @param problems   what the engine could not understand, located
 */
public record ParsedStatement(SqlStatement statement, StatementKind kind, ObjectName target,
                              SchemaObject definition, AlterTable alter, Drop drop, Grant grant, Comment comment,
                              Set<ObjectName> references, List<SqlProblem> problems) {

    /** Whether the engine understood the whole statement. */
    public boolean understood() {
        return problems.isEmpty();
    }
}
