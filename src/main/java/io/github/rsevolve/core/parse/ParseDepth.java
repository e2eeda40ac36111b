package io.github.rsevolve.core.parse;

/** How much of each query the parser reads. */
public enum ParseDepth {
    /** Every query through JSqlParser: syntax checked, references exact. For lint and validate. */
    FULL,
    /**
     * Only the names a query reads, from its tokens: no syntax check of queries, many times faster. For the
     * dependency graph of regenerate.
     */
    REFERENCES
}
