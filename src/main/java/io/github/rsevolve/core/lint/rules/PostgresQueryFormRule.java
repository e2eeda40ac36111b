package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.lint.Origin;
import io.github.rsevolve.core.lint.Reporter;
import io.github.rsevolve.core.lint.Rule;
import io.github.rsevolve.core.lint.RuleInfo;
import io.github.rsevolve.core.lint.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(id = "RS121", name = "postgres-query-form", severity = Severity.ERROR,
        docs = "UNION, INTERSECT, and EXCEPT; SELECT list; WITH clause; CONCAT function; Unsupported PostgreSQL "
                + "features; Aggregate functions; FROM clause",
        summary = "INTERSECT ALL, EXCEPT ALL or MINUS ALL; SELECT DISTINCT ON; IS [NOT] DISTINCT FROM; a VALUES "
                + "list used as a table; a common table expression AS [NOT] MATERIALIZED, or with SEARCH or CYCLE; "
                + "a COLLATE other than CASE_SENSITIVE or CASE_INSENSITIVE; CONCAT of other than two arguments; an "
                + "ARRAY[...] or ROW(...) constructor; an aggregate with FILTER (WHERE ...); TABLESAMPLE.",
        why = "INTERSECT ALL, EXCEPT ALL and MINUS ALL aren't supported (docs: UNION, INTERSECT, and EXCEPT); the "
                + "SELECT list takes only ALL or DISTINCT (docs: SELECT list); a common table expression is a name, "
                + "its columns and AS (query), without PostgreSQL's MATERIALIZED hints or SEARCH and CYCLE clauses "
                + "(docs: WITH clause); Redshift has no locale-specific or user-defined collations, only case-sensitive and "
                + "case-insensitive ones (docs: Unsupported PostgreSQL features, Collation sequences); CONCAT takes exactly "
                + "two arguments (docs: CONCAT function); IS DISTINCT FROM and VALUES lists used "
                + "as constant tables are PostgreSQL features Redshift lacks (docs: Unsupported PostgreSQL "
                + "features, Unsupported PostgreSQL functions); array and row constructors are value expressions "
                + "Redshift lacks (docs: Unsupported PostgreSQL features; SUPER arrays are built with ARRAY(...)); "
                + "an aggregate takes no FILTER clause (docs: Aggregate functions) and a table reference no "
                + "TABLESAMPLE (docs: FROM clause).",
        fix = "Use INTERSECT or EXCEPT without ALL; ROW_NUMBER() OVER (PARTITION BY ...) = 1 instead of DISTINCT ON; "
                + "(a = b OR (a IS NULL AND b IS NULL)) instead of IS NOT DISTINCT FROM; SELECT ... UNION ALL "
                + "SELECT ... instead of (VALUES ...); drop the MATERIALIZED hint; keep a depth column and a "
                + "bound in the recursive step instead of SEARCH and CYCLE; COLLATE CASE_INSENSITIVE for "
                + "case-insensitive comparison; nested CONCAT or || for more than two strings; ARRAY(...) for a "
                + "SUPER array; SUM(CASE WHEN ... THEN x END) instead of SUM(x) FILTER (WHERE ...); a WHERE on "
                + "RANDOM() instead of TABLESAMPLE.")
public final class PostgresQueryFormRule implements Rule {

    /** The collations Redshift has (docs: CREATE TABLE, COLLATE; COLLATE function). */
    private static final Set<String> REDSHIFT_COLLATIONS = Set.of("case_sensitive", "cs", "case_insensitive", "ci");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        List<Token> tokens = statement.statement().tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = tokens.get(i + 1);
            String found = null;
            if ((token.is("intersect") || token.is("except") || token.is("minus")) && next.is("all")) {
                found = token.text().toUpperCase(Locale.ROOT) + " ALL";
            } else if (token.is("distinct") && next.is("on") && i + 2 < tokens.size()
                    && tokens.get(i + 2).isSymbol("(") && i > 0 && tokens.get(i - 1).is("select")) {
                found = "SELECT DISTINCT ON";
            } else if (token.is("is") && (next.is("distinct")
                    || next.is("not") && i + 2 < tokens.size() && tokens.get(i + 2).is("distinct"))) {
                found = next.is("not") ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM";
            } else if (token.is("as") && (next.is("materialized") && isSymbol(tokens, i + 2, "(")
                    || next.is("not") && is(tokens, i + 2, "materialized") && isSymbol(tokens, i + 3, "("))) {
                found = next.is("not") ? "A common table expression AS NOT MATERIALIZED"
                        : "A common table expression AS MATERIALIZED";
            } else if (token.isSymbol(")") && (next.is("search") && (is(tokens, i + 2, "depth")
                    || is(tokens, i + 2, "breadth")) || next.is("cycle") && isCycleClause(tokens, i + 1))) {
                found = "The " + next.text().toUpperCase(Locale.ROOT) + " clause of a recursive common table "
                        + "expression";
                token = next;
            } else if (token.is("collate") && next.isIdentifier()
                    && !REDSHIFT_COLLATIONS.contains(next.identifier())) {
                found = "COLLATE " + next.text();
            } else if (token.is("concat") && next.isSymbol("(") && arguments(tokens, i + 1) != 2) {
                found = "CONCAT of " + arguments(tokens, i + 1) + " arguments";
            } else if (token.is("array") && next.isSymbol("[") && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                found = "An ARRAY[...] constructor";
            } else if (token.is("row") && next.isSymbol("(") && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                found = "A ROW(...) constructor";
            } else if (token.isSymbol(")") && next.is("filter") && isSymbol(tokens, i + 2, "(")
                    && is(tokens, i + 3, "where")) {
                found = "An aggregate with FILTER (WHERE ...)";
                token = next;
            } else if (token.is("tablesample") && i > 0 && !tokens.get(i - 1).is("as")) {
                found = "TABLESAMPLE";
            } else if (token.isSymbol("(") && next.is("values") && i > 0
                    && (tokens.get(i - 1).is("from") || tokens.get(i - 1).is("join")
                    || tokens.get(i - 1).isSymbol(","))) {
                found = "A VALUES list used as a table";
            }
            if (found != null) {
                reporter.report(statement.statement(), token.offset(), found + " is not Redshift SQL.");
            }
        }
    }

    /** The number of arguments of the call whose '(' is at open. */
    private static int arguments(List<Token> tokens, int open) {
        int depth = 0;
        int arguments = 1;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth == 0) {
                return i == open + 1 ? 0 : arguments;
            } else if (depth == 1 && token.isSymbol(",")) {
                arguments++;
            }
        }
        return arguments;
    }

    private static boolean is(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).is(word);
    }

    private static boolean isSymbol(List<Token> tokens, int i, String symbol) {
        return i < tokens.size() && tokens.get(i).isSymbol(symbol);
    }

    /** CYCLE columns SET mark ... USING path: not a subquery aliased cycle. */
    private static boolean isCycleClause(List<Token> tokens, int cycle) {
        int set = -1;
        for (int i = cycle + 2; i < tokens.size() && i < cycle + 40; i++) {
            if (tokens.get(i).is("set")) {
                set = i;
            } else if (set > 0 && tokens.get(i).is("using")) {
                return true;
            }
        }
        return false;
    }
}
