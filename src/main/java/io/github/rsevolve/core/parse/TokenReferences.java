package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.ArrayList;
import java.util.Arrays;
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

    private final List<Token> tokens;
    private final int from;
    private final int to;
    private final Set<String> ctes = new HashSet<>();
    private final Set<ObjectName> references = new TreeSet<>();
    // By paren depth (0 the top level, d the inside of the d-th open parenthesis): whether a FROM list is open
    // there, where a comma starts another reference, and whether that parenthesis holds the arguments of a function
    // that takes FROM. Arrays, not collections: they are read at every token of every query.
    private boolean[] fromList = new boolean[16];
    private boolean[] functionArguments = new boolean[16];
    private int depth;

    private TokenReferences(List<Token> tokens, int from, int to) {
        this.tokens = tokens;
        this.from = from;
        this.to = to;
    }

    static Set<ObjectName> of(SqlStatement statement, int from, int to) {
        TokenReferences scan = new TokenReferences(statement.tokens(), from, to);
        if (from > 0 && startsCteName(scan.tokens.get(from - 1))) {
            addCteName(scan.tokens, from, to, scan.ctes);
        }
        // The loop only hands on the token: a cold JVM compiles a method called at every token within the first
        // statement, a loop's own body only after tens of thousands of rounds.
        for (int i = from; i < to; i++) {
            i = scan.visit(i);
        }
        // A CTE's name read as a table is the CTE, wherever the WITH stands.
        scan.references.removeIf(name -> !name.isQualified() && scan.ctes.contains(name.name()));
        return scan.references;
    }

    /** Reads the token at i; returns the index of the last token it read. */
    private int visit(int i) {
        Token token = tokens.get(i);
        if (token.type() == TokenType.SYMBOL) {
            switch (token.symbol()) {
                case '(' -> {
                    Token previous = i > from ? tokens.get(i - 1) : null;
                    depth++;
                    if (depth == fromList.length) {
                        fromList = Arrays.copyOf(fromList, depth * 2);
                        functionArguments = Arrays.copyOf(functionArguments, depth * 2);
                    }
                    functionArguments[depth] = previous != null && previous.type() == TokenType.WORD
                            && FROM_IN_ARGUMENTS.contains(previous.name());
                    Token next = i + 1 < to ? tokens.get(i + 1) : null;
                    // FROM (t1 JOIN t2 ON ...): a parenthesised join is a FROM list of its own.
                    fromList[depth] = previous != null && startsTableReference(previous, fromList[depth - 1])
                            && next != null && next.isIdentifier() && !next.is("select") && !next.is("with");
                    if (fromList[depth]) {
                        return reference(tokens, i + 1, to, references) - 1;
                    }
                }
                case ')' -> {
                    fromList[depth] = false;
                    functionArguments[depth] = false;
                    depth = Math.max(0, depth - 1);
                }
                case ',' -> {
                    addCteName(tokens, i + 1, to, ctes);
                    if (fromList[depth]) {
                        return reference(tokens, i + 1, to, references) - 1;
                    }
                }
                default -> {
                }
            }
        } else if (token.type() == TokenType.WORD) {
            // DELETE ... USING t and MERGE ... USING t name tables; JOIN ... USING (columns) does not; neither does
            // the FROM of EXTRACT(day FROM t) or x IS DISTINCT FROM y.
            String word = token.name();
            boolean namesTables = switch (word) {
                case "join" -> true;
                case "using" -> i + 1 < to && !tokens.get(i + 1).isSymbol("(");
                case "from" -> !functionArguments[depth] && (i == from || !tokens.get(i - 1).is("distinct"));
                case "with", "recursive" -> {
                    addCteName(tokens, i + 1, to, ctes);
                    yield false;
                }
                default -> false;
            };
            if (namesTables) {
                fromList[depth] = true;
                return reference(tokens, i + 1, to, references) - 1;
            } else if (fromList[depth] && (word.equals("using") || END_OF_FROM.contains(word))) {
                fromList[depth] = false;
            }
        }
        return i;
    }

    private static boolean startsTableReference(Token previous, boolean fromListOutside) {
        return previous.is("from") || previous.is("join")
                || (previous.isSymbol(",") || previous.isSymbol("(")) && fromListOutside;
    }

    /**
     * Reads the table reference starting at 'at' (LATERAL, ONLY and a subquery are skipped) and returns the index
     * after its name.
     */
    private static int reference(List<Token> tokens, int at, int to, Set<ObjectName> references) {
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
        references.add(new ObjectName(n > 1 ? parts.get(n - 2) : null, parts.get(n - 1)));
        return i;
    }

    /** Names defined by WITH: an identifier followed by AS ( or (columns) AS (, after WITH, RECURSIVE or a comma. */
    static Set<String> cteNames(List<Token> tokens, int from, int to) {
        Set<String> names = new HashSet<>();
        for (int i = Math.max(from - 1, 0); i < to; i++) {
            if (startsCteName(tokens.get(i))) {
                addCteName(tokens, i + 1, to, names);
            }
        }
        return names;
    }

    /** Whether a CTE's name may follow: WITH, RECURSIVE or a comma. */
    private static boolean startsCteName(Token token) {
        return token.is("with") || token.is("recursive") || token.isSymbol(",");
    }

    /** Adds the identifier at 'at' if a CTE's definition follows it: AS ( or (columns) AS (. */
    private static void addCteName(List<Token> tokens, int at, int to, Set<String> names) {
        if (at >= to - 2 || !tokens.get(at).isIdentifier()) {
            return;
        }
        int next = at + 1;
        if (tokens.get(next).isSymbol("(")) {
            while (next < to && !tokens.get(next).isSymbol(")")) {
                next++;
            }
            next++;
        }
        if (next + 1 < to && tokens.get(next).is("as") && tokens.get(next + 1).isSymbol("(")) {
            names.add(tokens.get(at).identifier());
        }
    }
}
