package io.github.rsevolve.core.parse;

/** What a statement does, decided from its leading keywords. */
public enum StatementKind {
    CREATE_SCHEMA, CREATE_EXTERNAL_SCHEMA, CREATE_TABLE, CREATE_TABLE_AS, CREATE_EXTERNAL_TABLE, CREATE_VIEW,
    CREATE_MATERIALIZED_VIEW, CREATE_FUNCTION, CREATE_PROCEDURE, CREATE_INDEX, CREATE_TRIGGER, CREATE_EXTENSION,
    CREATE_LIBRARY, CREATE_USER, CREATE_OTHER,
    ALTER_TABLE, ALTER_EXTERNAL_TABLE, ALTER_USER, ALTER_OTHER,
    DROP, GRANT, REVOKE, COMMENT,
    SELECT, INSERT, UPDATE, DELETE, MERGE, TRUNCATE,
    COPY, UNLOAD, VACUUM, ANALYZE, LOCK,
    /** BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT. */
    TRANSACTION,
    /** SET, RESET, SHOW and other session statements. */
    SESSION,
    CALL,
    /** A statement Redshift has that this plugin does not model (datashares, cursors, EXPLAIN, ...). */
    OTHER,
    /** A statement neither the dialect nor JSqlParser recognised. */
    UNKNOWN;

    /** Whether this statement creates a table, external table, view or materialized view. */
    public boolean createsRelation() {
        return this == CREATE_TABLE || this == CREATE_TABLE_AS || this == CREATE_EXTERNAL_TABLE
                || this == CREATE_VIEW || this == CREATE_MATERIALIZED_VIEW;
    }
}
