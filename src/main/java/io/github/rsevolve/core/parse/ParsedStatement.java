package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.Comment;
import io.github.rsevolve.core.model.Grant;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Schema;
import io.github.rsevolve.core.model.SchemaObject;
import io.github.rsevolve.core.model.Table;
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
 * @param searchPath the schemas a SET search_path earlier in the file put in effect, or empty for the default
 * @param spans      where a CREATE's query, column list and signature are among the tokens
 */
public record ParsedStatement(SqlStatement statement, StatementKind kind, ObjectName target,
                              SchemaObject definition, AlterTable alter, Drop drop, Grant grant, Comment comment,
                              Set<ObjectName> references, List<SqlProblem> problems, List<String> searchPath,
                              Spans spans) {

    /** Whether the engine understood the whole statement. */
    public boolean understood() {
        return problems.isEmpty();
    }

    /**
     * This statement under a search_path: an unqualified object it creates lands in the path's first schema, as
     * Redshift creates it (docs: search_path).
     */
    public ParsedStatement under(List<String> path) {
        if (path.isEmpty()) {
            return this;
        }
        String schema = path.get(0);
        SchemaObject qualified = definition;
        ObjectName qualifiedTarget = target;
        // Temporary tables live in the session's own schema, whatever the search_path.
        boolean temporary = definition instanceof Table table && table.temporary();
        if (definition != null && !(definition instanceof Schema) && !temporary
                && !definition.name().isQualified()) {
            qualified = definition.inSchema(schema);
            qualifiedTarget = qualified.name();
        }
        return new ParsedStatement(statement, kind, qualifiedTarget, qualified, alter, drop, grant, comment,
                references, problems, List.copyOf(path), spans);
    }
}
