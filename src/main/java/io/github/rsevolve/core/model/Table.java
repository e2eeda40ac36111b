package io.github.rsevolve.core.model;

import io.github.rsevolve.core.sql.SqlStatement;
import java.util.List;
import java.util.Set;

/**
 * A table from CREATE TABLE, CREATE TABLE AS or CREATE EXTERNAL TABLE.
 *
 * @param like             the LIKE parent table, or null
 * @param query            the CTAS query's references; empty for a plain CREATE TABLE
 * @param postgresClauses  PostgreSQL-only clauses Redshift rejects (PARTITION BY, INHERITS, TABLESPACE, ...), with
 *                         the offset of each
 */
public record Table(ObjectName name, List<Column> columns, List<TableConstraint> constraints,
                    PhysicalAttributes physical, boolean temporary, boolean external, boolean ifNotExists,
                    ObjectName like, boolean createdAs, Set<ObjectName> references,
                    List<Clause> postgresClauses, SqlStatement source) implements SchemaObject {

    /** A clause of the statement by its keyword and offset. */
    public record Clause(String keyword, int offset) {
    }

    @Override
    public String kind() {
        return external ? "external table" : "table";
    }

    @Override
    public Table inSchema(String schema) {
        return new Table(new ObjectName(schema, name.name()), columns, constraints, physical, temporary, external,
                ifNotExists, like, createdAs, references, postgresClauses, source);
    }

    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }
}
