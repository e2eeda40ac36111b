package io.github.rsevolve.core.model;

import io.github.rsevolve.core.sql.SqlStatement;

/**
 * A schema; an external schema (Redshift Spectrum, federated) holds tables the model does not define.
 *
 * @param ifNotExists CREATE SCHEMA IF NOT EXISTS: a repeated definition is idempotent, not a duplicate
 */
public record Schema(ObjectName name, boolean external, boolean ifNotExists, SqlStatement source)
        implements SchemaObject {

    @Override
    public String kind() {
        return external ? "external schema" : "schema";
    }

    @Override
    public SchemaObject inSchema(String schema) {
        return this;
    }
}
