package io.github.rsevolve.core.parse;

/** How much of each query the parser reads. Redshift DDL is always read in full by the Redshift dialect. */
public enum ParseDepth {
    /**
     * Every query also through JSqlParser's grammar: a full syntax check, exact references; about 100 long analytic
     * statements a second and false alarms on some Redshift idioms. For lint with redshift.parseQueries=true and
     * the conformance runs.
     */
    FULL,
    /**
     * Queries read from their tokens: kind, the names they read, and the syntax slips tokens show ({@link
     * QueryShape}). Lint's default, since validate checks every query's grammar on the stand-in; also the
     * dependency graph of regenerate.
     */
    TOKENS
}
