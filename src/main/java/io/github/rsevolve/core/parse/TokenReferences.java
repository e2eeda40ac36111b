package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables and views a query reads, found from its tokens alone: the names after FROM and JOIN and in FROM
 * lists, less CTE names and table functions. Much faster than a full parse, for when only the dependency graph is
 * needed; it errs towards finding a name too many (an alias path), never one too few.
 */
final class TokenReferences {

    /** Words that end a FROM list (USING ends one only as JOIN ... USING (columns)). */
    private static final Set<String> END_OF_FROM = Set.of("where", "group", "having", "order", "limit", "union",
            "except", "intersect", "minus", "window", "qualify", "on", "select", "offset", "fetch", "into", "with",
            "set", "when");

    /**
     * Functions whose arguments take FROM without naming a table: EXTRACT(part FROM t), SUBSTRING(s FROM n),
     * TRIM(BOTH x FROM s), OVERLAY(s PLACING x FROM n).
     */
    private static final Set<String> FROM_IN_ARGUMENTS = Set.of("extract", "substring", "trim", "overlay");

    private TokenReferences() {
    }

    static Set<ObjectName> of(SqlStatement statement, int from, int to) {
        List<Token> tokens = statement.tokens();
        Set<String> ctes = cteNames(tokens, from, to);
        Set<ObjectName> references = new TreeSet<>();
        // The paren depth of each open FROM list, innermost last; a comma at that depth starts another reference.
        List<Integer> fromLists = new ArrayList<>();
        // Whether each open parenthesis holds the arguments of a function that takes FROM.
        Deque<Boolean> functionArguments = new ArrayDeque<>();
        int depth = 0;
        // One switch on each token, words by their folded name: this runs over every token of every query.
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            Token next = i + 1 < to ? tokens.get(i + 1) : null;
            Token previous = i > from ? tokens.get(i - 1) : null;
            if (token.type() == TokenType.SYMBOL) {
                switch (token.text()) {
                    case "(" -> {
                        depth++;
                        functionArguments.push(previous != null && previous.type() == TokenType.WORD
                                && FROM_IN_ARGUMENTS.contains(previous.name()));
                        // FROM (t1 JOIN t2 ON ...): a parenthesised join is a FROM list of its own.
                        if (previous != null && startsTableReference(previous, fromLists, depth - 1)
                                && next != null && next.isIdentifier() && !next.is("select") && !next.is("with")) {
                            fromLists.add(depth);
                            i = reference(tokens, i + 1, to, ctes, references) - 1;
                        }
                    }
                    case ")" -> {
                        depth--;
                        functionArguments.poll();
                        while (!fromLists.isEmpty() && fromLists.get(fromLists.size() - 1) > depth) {
                            fromLists.remove(fromLists.size() - 1);
                        }
                    }
                    case "," -> {
                        if (fromLists.contains(depth)) {
                            i = reference(tokens, i + 1, to, ctes, references) - 1;
                        }
                    }
                    default -> {
                    }
                }
            } else if (token.type() == TokenType.WORD) {
                String word = token.name();
                boolean namesTables = word.equals("join") || word.equals("using") && next != null
                        && !next.isSymbol("(") || word.equals("from") && !Boolean.TRUE.equals(functionArguments.peek())
                        && (previous == null || !previous.is("distinct"));
                if (namesTables) {
                    // DELETE ... USING t and MERGE ... USING t name tables; JOIN ... USING (columns) does not;
                    // neither does the FROM of EXTRACT(day FROM t) or x IS DISTINCT FROM y.
                    if (!fromLists.contains(depth)) {
                        fromLists.add(depth);
                    }
                    i = reference(tokens, i + 1, to, ctes, references) - 1;
                } else if (END_OF_FROM.contains(word) || word.equals("using")) {
                    fromLists.remove(Integer.valueOf(depth));
                }
            }
        }
        return references;
    }

    private static boolean startsTableReference(Token previous, List<Integer> fromLists, int depth) {
        return previous.is("from") || previous.is("join")
                || (previous.isSymbol(",") || previous.isSymbol("(")) && fromLists.contains(depth);
    }

    /**
     * Reads the table reference starting at 'at' (LATERAL, ONLY and a subquery are skipped) and returns the index
     * after its name.
     */
    private static int reference(List<Token> tokens, int at, int to, Set<String> ctes, Set<ObjectName> references) {
        while (at < to && (tokens.get(at).is("lateral") || tokens.get(at).is("only"))) {
            at++;
        }
        if (at >= to || !tokens.get(at).isIdentifier()) {
            return at;
        }
        List<String> parts = new ArrayList<>();
        int i = at;
        parts.add(tokens.get(i++).identifier());
        while (i + 1 < to && tokens.get(i).isSymbol(".") && tokens.get(i + 1).isIdentifier()) {
            parts.add(tokens.get(i + 1).identifier());
            i += 2;
        }
        if (i < to && tokens.get(i).isSymbol("(")) {
            // A table function such as generate_series(...): not a relation.
            return i;
        }
        int n = parts.size();
        if (n > 2) {
            // database.schema.table reads another database (data sharing): not the model's to define.
            return i;
        }
        ObjectName name = new ObjectName(n > 1 ? parts.get(n - 2) : null, parts.get(n - 1));
        if (name.isQualified() || !ctes.contains(name.name())) {
            references.add(name);
        }
        return i;
    }

    /** Names defined by WITH: an identifier followed by AS ( or (columns) AS (, after WITH, RECURSIVE or a comma. */
    static Set<String> cteNames(List<Token> tokens, int from, int to) {
        Set<String> names = new HashSet<>();
        for (int i = Math.max(from, 1); i < to - 2; i++) {
            Token before = tokens.get(i - 1);
            if (!tokens.get(i).isIdentifier()
                    || !(before.is("with") || before.is("recursive") || before.isSymbol(","))) {
                continue;
            }
            int next = i + 1;
            if (tokens.get(next).isSymbol("(")) {
                while (next < to && !tokens.get(next).isSymbol(")")) {
                    next++;
                }
                next++;
            }
            if (next + 1 < to && tokens.get(next).is("as") && tokens.get(next + 1).isSymbol("(")) {
                names.add(tokens.get(i).identifier());
            }
        }
        return names;
    }
}
