package io.github.rsevolve.core.project;

/** Which part of the data model a SQL file belongs to. */
public enum Origin {
    /** The absolute model: the full DDL as it should be now. */
    ABSOLUTE,
    /** Flyway changesets that move a cluster from one version to the next. */
    INCREMENTAL,
    /** ETL queries that run against the model. */
    ETL
}
