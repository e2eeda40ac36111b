package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.Words;
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

    /** The words each form starts with or turns on: the rule visits only the tokens that are these words. */
    private static final List<String> TRIGGERS = List.of("intersect", "except", "minus", "distinct", "is",
            "materialized", "search", "cycle", "filter", "collate", "concat", "array", "row", "tablesample",
            "values");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        List<Token> tokens = statement.statement().tokens();
        Words words = statement.statement().words();
        for (String trigger : TRIGGERS) {
            for (int i : words.of(trigger)) {
                Token previous = i > 0 ? tokens.get(i - 1) : null;
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                Token at = tokens.get(i);
                String found = switch (trigger) {
                    case "intersect", "except", "minus" -> next != null && next.is("all")
                            ? at.text().toUpperCase(Locale.ROOT) + " ALL" : null;
                    case "distinct" -> next != null && next.is("on") && isSymbol(tokens, i + 2, "(")
                            && previous != null && previous.is("select") ? "SELECT DISTINCT ON" : null;
                    case "is" -> next != null
                            && (next.is("distinct") || next.is("not") && is(tokens, i + 2, "distinct"))
                            ? (next.is("not") ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM") : null;
                    case "materialized" -> materializedHint(tokens, i);
                    case "search" -> previous != null && previous.isSymbol(")")
                            && (is(tokens, i + 1, "depth") || is(tokens, i + 1, "breadth"))
                            ? "The SEARCH clause of a recursive common table expression" : null;
                    case "cycle" -> previous != null && previous.isSymbol(")") && isCycleClause(tokens, i)
                            ? "The CYCLE clause of a recursive common table expression" : null;
                    case "filter" -> previous != null && previous.isSymbol(")") && isSymbol(tokens, i + 1, "(")
                            && is(tokens, i + 2, "where") ? "An aggregate with FILTER (WHERE ...)" : null;
                    case "collate" -> next != null && next.isIdentifier()
                            && !REDSHIFT_COLLATIONS.contains(next.identifier()) ? "COLLATE " + next.text() : null;
                    case "concat" -> next != null && next.isSymbol("(") && arguments(tokens, i + 1) != 2
                            ? "CONCAT of " + arguments(tokens, i + 1) + " arguments" : null;
                    case "array" -> next != null && next.isSymbol("[") && (previous == null || !previous.isSymbol("."))
                            ? "An ARRAY[...] constructor" : null;
                    case "row" -> next != null && next.isSymbol("(") && (previous == null || !previous.isSymbol("."))
                            ? "A ROW(...) constructor" : null;
                    case "tablesample" -> previous != null && !previous.is("as") && next != null ? "TABLESAMPLE" : null;
                    case "values" -> valuesAsTable(tokens, i);
                    default -> throw new IllegalStateException(trigger);
                };
                if (found != null) {
                    // A VALUES table is shown at its opening parenthesis, a hint at its AS, every other form at its
                    // word.
                    Token shown = switch (trigger) {
                        case "values" -> previous;
                        case "materialized" -> tokens.get(previous.is("as") ? i - 1 : i - 2);
                        default -> at;
                    };
                    reporter.report(statement.statement(), shown.offset(), found + " is not Redshift SQL.");
                }
            }
        }
    }

    /** AS [NOT] MATERIALIZED ( of a common table expression, with MATERIALIZED at i. */
    private static String materializedHint(List<Token> tokens, int i) {
        if (!isSymbol(tokens, i + 1, "(")) {
            return null;
        }
        if (is(tokens, i - 1, "as")) {
            return "A common table expression AS MATERIALIZED";
        }
        return is(tokens, i - 1, "not") && is(tokens, i - 2, "as") ? "A common table expression AS NOT MATERIALIZED"
                : null;
    }

    /** ( VALUES after FROM, JOIN or a comma: a VALUES list used as a table. */
    private static String valuesAsTable(List<Token> tokens, int i) {
        if (i < 2 || !tokens.get(i - 1).isSymbol("(")) {
            return null;
        }
        Token before = tokens.get(i - 2);
        return before.is("from") || before.is("join") || before.isSymbol(",") ? "A VALUES list used as a table" : null;
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
        return i >= 0 && i < tokens.size() && tokens.get(i).is(word);
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
