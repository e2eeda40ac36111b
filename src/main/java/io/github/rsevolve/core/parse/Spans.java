package io.github.rsevolve.core.parse;

import java.util.List;

/**
 * Where the parts of a CREATE that the translator rewrites are among the statement's tokens, as the parser walked
 * them, so no later layer looks for them again.
 *
 * @param query        the query of a CTAS, view or materialized view (without WITH NO SCHEMA BINDING)
 * @param columnList   the parenthesised column names after a CTAS's or view's name, parentheses included
 * @param argumentList a function's or procedure's parenthesised arguments, parentheses included
 * @param arguments    each argument, without its comma
 * @param returns      a function's RETURNS type, without the keyword
 */
public record Spans(Span query, Span columnList, Span argumentList, List<Span> arguments, Span returns) {

    public static final Spans NONE = new Spans(Span.NONE, Span.NONE, Span.NONE, List.of(), Span.NONE);

    /** Token indexes from (inclusive) to (exclusive); absent when from is negative. */
    public record Span(int from, int to) {

        public static final Span NONE = new Span(-1, -1);

        public boolean isPresent() {
            return from >= 0;
        }
    }

    static Spans ofQuery(Span query, Span columnList) {
        return new Spans(query, columnList, Span.NONE, List.of(), Span.NONE);
    }

    static Spans ofRoutine(Span argumentList, List<Span> arguments, Span returns) {
        return new Spans(Span.NONE, Span.NONE, argumentList, List.copyOf(arguments), returns);
    }
}
