package io.github.rsevolve.core.translate;

import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Redshift's lateral column alias reference (docs: SELECT list): an alias is recognized right after it is defined in
 * the target list, so later expressions of the same list may use it, and a column of the FROM clause with the same
 * name takes precedence. Redshift also reads a select-list alias in the WHERE of the same query (AWS's own admin
 * views rely on it). PostgreSQL knows neither, so the stand-in inlines the alias where PostgreSQL reports the column
 * missing: only then is it known that no FROM column has the name.
 */
public final class LateralAliases {

    /** Words that end an expression without being its alias. */
    private static final Set<String> NOT_ALIASES = Set.of("end", "null", "true", "false", "distinct", "all",
            "select", "from", "where", "and", "or", "not", "is", "in", "like", "ilike", "between", "then", "else");

    /** Where the select list of a query stops at its own depth. */
    private static final Set<String> LIST_ENDS = Set.of("from", "into", "where", "group", "having", "order",
            "limit", "offset", "union", "intersect", "except", "minus", "window", "qualify");

    private LateralAliases() {
    }

    /**
     * The SQL with the missing column at the position replaced by the expression of the select-list alias it names,
     * or null when the name there is not such an alias.
     *
     * @param missing  the column PostgreSQL reports missing (42703), lower case
     * @param position the 0-based character of the SQL PostgreSQL reports
     */
    public static String inline(String sql, String missing, int position) {
        for (SqlStatement statement : SqlSplitter.split(SourceFile.of(Path.of("sent.sql"), "sent.sql", sql))
                .statements()) {
            List<Token> tokens = statement.tokens();
            for (int k = 0; k < tokens.size(); k++) {
                Token token = tokens.get(k);
                if (token.offset() <= position && position < token.end()) {
                    return isBareName(tokens, k, missing) ? inline(sql, tokens, k, missing) : null;
                }
            }
        }
        return null;
    }

    private static boolean isBareName(List<Token> tokens, int k, String missing) {
        return tokens.get(k).isIdentifier() && tokens.get(k).identifier().equals(missing)
                && (k == 0 || !tokens.get(k - 1).isSymbol("."))
                && (k + 1 >= tokens.size() || !tokens.get(k + 1).isSymbol(".") && !tokens.get(k + 1).isSymbol("("));
    }

    private static String inline(String sql, List<Token> tokens, int k, String missing) {
        int[] depths = Token.depths(tokens);
        int select = enclosingSelect(tokens, depths, k);
        if (select < 0) {
            return null;
        }
        int depth = depths[select];
        List<int[]> items = new ArrayList<>();
        int start = listStart(tokens, select);
        int end = start;
        for (; end < tokens.size() && depths[end] >= depth; end++) {
            Token token = tokens.get(end);
            if (depths[end] == depth && (token.type() == TokenType.WORD && LIST_ENDS.contains(token.identifier())
                    || token.isSymbol(";"))) {
                break;
            }
            if (depths[end] == depth && token.isSymbol(",")) {
                items.add(new int[] {start, end});
                start = end + 1;
            }
        }
        items.add(new int[] {start, end});
        // In the list, the aliases defined before the reference's item; in the WHERE, all of them.
        int usable = items.size();
        if (k < end) {
            usable = 0;
            while (usable < items.size() && items.get(usable)[1] <= k) {
                usable++;
            }
        } else if (!inWhere(tokens, depths, end, k, depth)) {
            return null;
        }
        for (int i = usable - 1; i >= 0; i--) {
            int[] item = items.get(i);
            int aliasAt = aliasStart(tokens, item[0], item[1]);
            if (aliasAt >= 0 && tokens.get(item[1] - 1).identifier().equals(missing)) {
                String expression = sql.substring(tokens.get(item[0]).offset(), tokens.get(aliasAt - 1).end());
                Token reference = tokens.get(k);
                return sql.substring(0, reference.offset()) + "(" + expression + ")"
                        + sql.substring(reference.end());
            }
        }
        return null;
    }

    /** The SELECT whose query holds the token at k: the nearest one before it at the lowest depth on the way. */
    private static int enclosingSelect(List<Token> tokens, int[] depths, int k) {
        int lowest = depths[k];
        for (int i = k; i >= 0; i--) {
            lowest = Math.min(lowest, depths[i]);
            if (tokens.get(i).is("select") && depths[i] == lowest) {
                return i;
            }
        }
        return -1;
    }

    /** The first token of the list: after SELECT, DISTINCT or ALL, and TOP n. */
    private static int listStart(List<Token> tokens, int select) {
        int at = select + 1;
        while (at < tokens.size() && (tokens.get(at).is("distinct") || tokens.get(at).is("all"))) {
            at++;
        }
        if (at + 1 < tokens.size() && tokens.get(at).is("top") && tokens.get(at + 1).type() == TokenType.NUMBER) {
            at += 2;
        }
        return at;
    }

    /** Whether k is in the WHERE clause of the query whose list ends at listEnd. */
    private static boolean inWhere(List<Token> tokens, int[] depths, int listEnd, int k, int depth) {
        boolean where = false;
        for (int i = listEnd; i < k; i++) {
            if (depths[i] < depth) {
                return false;
            }
            if (depths[i] == depth && tokens.get(i).type() == TokenType.WORD) {
                String word = tokens.get(i).identifier();
                if (word.equals("where")) {
                    where = true;
                } else if (LIST_ENDS.contains(word) && !word.equals("from")) {
                    return false;
                }
            }
        }
        return where;
    }

    /** The index of the item's alias, AS included, or -1 when it has none. */
    private static int aliasStart(List<Token> tokens, int from, int to) {
        if (to - from < 2 || !isAlias(tokens.get(to - 1))) {
            return -1;
        }
        Token before = tokens.get(to - 2);
        if (before.is("as")) {
            return to - 2 > from ? to - 2 : -1;
        }
        boolean endsExpression = before.isSymbol(")") || before.type() == TokenType.NUMBER
                || before.type() == TokenType.STRING || before.type() == TokenType.QUOTED_IDENTIFIER
                || before.type() == TokenType.WORD && (before.is("end") || !NOT_ALIASES.contains(before.identifier()));
        return endsExpression ? to - 1 : -1;
    }

    private static boolean isAlias(Token token) {
        return token.type() == TokenType.QUOTED_IDENTIFIER
                || token.type() == TokenType.WORD && !NOT_ALIASES.contains(token.identifier());
    }
}
