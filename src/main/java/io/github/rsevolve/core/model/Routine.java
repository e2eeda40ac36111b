package io.github.rsevolve.core.model;

import io.github.rsevolve.core.sql.SqlStatement;

/** A user-defined function or stored procedure; overloads share a name, so the name is the identity here. */
public record Routine(ObjectName name, boolean procedure, String language, SqlStatement source)
        implements SchemaObject {

    @Override
    public String kind() {
        return procedure ? "procedure" : "function";
    }

    @Override
    public Routine inSchema(String schema) {
        return new Routine(new ObjectName(schema, name.name()), procedure, language, source);
    }
}
