package io.github.rsevolve.core.sql;

/** What kind of lexical token a {@link Token} is. */
public enum TokenType {
    /** A keyword or unquoted identifier; Redshift folds these to lower case. */
    WORD,
    /** A "double-quoted" identifier. */
    QUOTED_IDENTIFIER,
    /** A 'single-quoted' string literal. */
    STRING,
    /** A $$dollar$$ or $tag$dollar$tag$ quoted string, used for function and procedure bodies. */
    DOLLAR_STRING,
    NUMBER,
    /** A $1 style positional parameter. */
    PARAMETER,
    /** An operator or punctuation character (or the two-character cast operator ::). */
    SYMBOL
}
