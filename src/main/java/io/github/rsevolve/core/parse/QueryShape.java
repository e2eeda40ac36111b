package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.sql.SqlProblem;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The syntax slips a query's tokens show without a grammar, found in one pass: parentheses that do not pair, a
 * comma with nothing after it, a clause keyword with nothing in it, an empty select list, GROUP or ORDER without
 * BY, a CASE without END, and template placeholders ({{name}}, %(name)s) left in the SQL. The full grammar check of
 * every query is the stand-in's (validate runs each statement on PostgreSQL) or, on request, JSqlParser's ({@link
 * ParseDepth#FULL}); this one is for lint's default, where a parse of every long query would cost more than all the
 * rules together.
 */
final class QueryShape {

    /** Clause keywords after which SELECT may follow at once: UNION SELECT. */
    private static final Set<String> FOLLOWED_BY_SELECT = Set.of("union", "intersect", "except", "minus");

    private final SqlStatement statement;
    private final List<Token> tokens;
    private final int from;
    private final int to;
    // Token indexes of the open parentheses, and of the open CASEs with the parenthesis depth each opened at.
    private int[] open = new int[8];
    private int opens;
    private int[] cases = new int[8];
    private int[] caseDepths = new int[8];
    private int openCases;

    private QueryShape(SqlStatement statement, int from, int to) {
        this.statement = statement;
        this.tokens = statement.tokens();
        this.from = from;
        this.to = to;
    }

    /** The first slip in tokens [from, to) of the statement, or null. */
    static SqlProblem check(SqlStatement statement, int from, int to) {
        QueryShape shape = new QueryShape(statement, from, to);
        // The loop only hands on the token: a cold JVM compiles a method called at every token within the first
        // statement, a loop's own body only after tens of thousands of rounds.
        for (int i = from; i < to; i++) {
            SqlProblem slip = shape.visit(i);
            if (slip != null) {
                return slip;
            }
        }
        return shape.end();
    }

    /** The slip the token at i shows, or null. */
    private SqlProblem visit(int i) {
        Token token = tokens.get(i);
        if (token.type() == TokenType.SYMBOL) {
            switch (token.symbol()) {
                case '(' -> {
                    if (opens == open.length) {
                        open = Arrays.copyOf(open, opens * 2);
                    }
                    open[opens++] = i;
                }
                case ')' -> {
                    if (opens == 0) {
                        return problem(statement, token, "')' closes a parenthesis that was never opened",
                                "Remove it or open the parenthesis it closes.");
                    }
                    if (openCases > 0 && caseDepths[openCases - 1] == opens) {
                        return caseWithoutEnd(statement, tokens.get(cases[openCases - 1]));
                    }
                    opens--;
                }
                case ',' -> {
                    Token next = i + 1 < to ? tokens.get(i + 1) : null;
                    if (next == null || next.isSymbol(")") || next.isSymbol(",") || isClause(next)) {
                        return commaWithoutItem(statement, token, next);
                    }
                }
                case '{', '}' -> {
                    return placeholder(statement, token);
                }
                case '%' -> {
                    if (isPythonPlaceholder(tokens, i, to)) {
                        return placeholder(statement, token);
                    }
                }
                default -> {
                }
            }
        } else if (token.type() == TokenType.WORD) {
            String name = token.name();
            switch (name) {
                case "case" -> {
                    if (openCases == cases.length) {
                        cases = Arrays.copyOf(cases, openCases * 2);
                        caseDepths = Arrays.copyOf(caseDepths, openCases * 2);
                    }
                    cases[openCases] = i;
                    caseDepths[openCases++] = opens;
                }
                case "end" -> {
                    if (openCases > 0 && caseDepths[openCases - 1] == opens) {
                        openCases--;
                    }
                }
                default -> {
                    if (isClause(name) && !isName(tokens, i, from)) {
                        return emptyClause(statement, i > from ? tokens.get(i - 1) : null, token,
                                i + 1 < to ? tokens.get(i + 1) : null);
                    }
                }
            }
        }
        return null;
    }

    /** The slip left open at the end of the tokens, or null. */
    private SqlProblem end() {
        if (opens > 0) {
            return problem(statement, tokens.get(open[opens - 1]), "'(' is never closed", "Close it with ')'.");
        }
        return openCases == 0 ? null : caseWithoutEnd(statement, tokens.get(cases[openCases - 1]));
    }

    private static SqlProblem emptyClause(SqlStatement statement, Token previous, Token clause, Token next) {
        // WITHIN GROUP (ORDER BY ...) of LISTAGG and PERCENTILE_CONT has no BY after GROUP.
        boolean withinGroup = clause.is("group") && previous != null && previous.is("within");
        if ((clause.is("group") && !withinGroup || clause.is("order")) && (next == null || !next.is("by"))) {
            return withoutBy(statement, clause);
        }
        boolean nothingFollows = next == null || next.isSymbol(")") || next.isSymbol(",")
                || isClause(next) && !(next.is("select") && FOLLOWED_BY_SELECT.contains(clause.name()));
        if (!nothingFollows) {
            return null;
        }
        if (clause.is("select")) {
            // PostgreSQL takes an empty select list; Redshift requires at least one item (docs: SELECT list).
            return problem(statement, clause, "the select list is empty", "Name at least one column or *.");
        }
        return emptyClause(statement, clause, next);
    }

    // The messages are made apart from the checks: the checks run at every clause keyword and are compiled early,
    // the messages are rarely needed.
    private static SqlProblem withoutBy(SqlStatement statement, Token clause) {
        String name = describe(clause);
        return problem(statement, clause, name + " must be followed by BY", "Write " + name + " BY.");
    }

    private static SqlProblem emptyClause(SqlStatement statement, Token clause, Token next) {
        String name = describe(clause);
        return problem(statement, clause, name + " is followed by " + describe(next) + ", not by what it holds",
                "Complete the " + name + " clause or remove it.");
    }

    private static SqlProblem commaWithoutItem(SqlStatement statement, Token comma, Token next) {
        return problem(statement, comma, "',' is followed by " + describe(next) + ", not by another item",
                "Remove the comma or add the item it announces.");
    }

    /** % ( name ) s with nothing between the parts: Python's DB-API parameter style. */
    private static boolean isPythonPlaceholder(List<Token> tokens, int i, int to) {
        if (i + 4 >= to) {
            return false;
        }
        Token open = tokens.get(i + 1);
        Token close = tokens.get(i + 3);
        Token style = tokens.get(i + 4);
        return open.isSymbol("(") && open.offset() == tokens.get(i).end()
                && tokens.get(i + 2).type() == TokenType.WORD && close.isSymbol(")")
                && style.is("s") && style.offset() == close.end();
    }

    /** A reserved word after AS or a dot is a name: SELECT n AS order, t.limit (PostgreSQL's column labels). */
    private static boolean isName(List<Token> tokens, int i, int from) {
        Token previous = i > from ? tokens.get(i - 1) : null;
        return previous != null && (previous.is("as") || previous.isSymbol("."));
    }

    private static boolean isClause(Token token) {
        return token.type() == TokenType.WORD && isClause(token.name());
    }

    /**
     * Whether the word is a clause keyword, all reserved in Redshift (docs: Reserved words), so never a bare column or
     * table name: each must be followed by what the clause holds. A switch, not a set: it runs on every word.
     */
    private static boolean isClause(String word) {
        return switch (word) {
            case "select", "from", "where", "group", "having", "order", "limit", "offset", "union", "intersect",
                 "except", "minus", "on" -> true;
            default -> false;
        };
    }

    private static String describe(Token token) {
        return token == null ? "the end of the statement"
                : token.type() == TokenType.WORD ? token.text().toUpperCase(Locale.ROOT)
                : "'" + token.text() + "'";
    }

    private static SqlProblem placeholder(SqlStatement statement, Token at) {
        // Braces are not Redshift SQL outside strings and quoted names.
        return problem(statement, at, "'" + at.text() + "' starts a template placeholder, not SQL",
                "Check the SQL as the template renders it, or keep templates out of the checked folders.");
    }

    private static SqlProblem caseWithoutEnd(SqlStatement statement, Token unended) {
        return problem(statement, unended, "this CASE has no END", "End the CASE with END.");
    }

    private static SqlProblem problem(SqlStatement statement, Token at, String what, String fix) {
        return new SqlProblem(SqlProblem.Kind.UNPARSED_STATEMENT, statement.file(), at.offset(),
                "Cannot parse this statement: " + what + ".", fix);
    }
}
