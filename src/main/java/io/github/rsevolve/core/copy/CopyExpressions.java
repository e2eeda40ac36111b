package io.github.rsevolve.core.copy;

import static io.github.rsevolve.core.finding.RedshiftException.Code.COPY;

import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlProblem;
import io.github.rsevolve.core.sql.SqlScript;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A copy's filter and masks go into the SELECT that reads the source, so each must be one expression: no second
 * statement, no comment that hides the rest of the query, no parenthesis that closes the query's own, no clause
 * that ends the WHERE. Checked before any connection is made.
 */
final class CopyExpressions {

    /** Words that end a WHERE condition and start another part of a query. */
    private static final Set<String> CLAUSES = Set.of("union", "intersect", "except", "minus", "order", "group",
            "having", "limit", "offset", "into", "window", "qualify");

    private CopyExpressions() {
    }

    /** Every filter and mask of the copies, or a RedshiftException that says which and where. */
    static void check(List<CopyTable> copies) {
        for (CopyTable copy : copies) {
            if (copy.where() != null && !copy.where().isBlank()) {
                check(copy.where(), "<where> of " + copy.pattern(), true);
            }
            copy.masked().forEach((column, mask) -> check(mask, "mask of " + copy.pattern() + "." + column, false));
        }
    }

    private static void check(String text, String what, boolean condition) {
        SqlScript script = SqlSplitter.split(SourceFile.of(Path.of("copy.sql"), what, text));
        for (SqlProblem problem : script.problems()) {
            throw refused(what, problem.message(), 0);
        }
        if (script.statements().size() > 1) {
            throw refused(what, "it holds more than one statement", script.statements().get(1).startOffset());
        }
        if (script.statements().isEmpty()) {
            throw refused(what, "it is empty", 0);
        }
        int comment = outsideTokens(text, script.statements().get(0).tokens());
        if (comment >= 0) {
            throw refused(what, text.charAt(comment) == ';' ? "it ends in a semicolon"
                    : "it holds a comment, which would hide the rest of the query", comment);
        }
        int depth = 0;
        for (Token token : script.statements().get(0).tokens()) {
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth < 0) {
                throw refused(what, "a ')' closes more than it opened", token.offset());
            }
            if (condition && depth == 0 && token.type() == TokenType.WORD
                    && CLAUSES.contains(token.text().toLowerCase(Locale.ROOT))) {
                throw refused(what, token.text().toUpperCase(Locale.ROOT) + " ends the WHERE", token.offset());
            }
        }
        if (depth != 0) {
            throw refused(what, "a '(' is not closed", text.length());
        }
    }

    /** Where the text has something besides blanks between or after its tokens (a comment, a ';'), or -1. */
    private static int outsideTokens(String text, List<Token> tokens) {
        int from = 0;
        for (Token token : tokens) {
            int gap = firstNonBlank(text, from, token.offset());
            if (gap >= 0) {
                return gap;
            }
            from = token.end();
        }
        return firstNonBlank(text, from, text.length());
    }

    private static int firstNonBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static RedshiftException refused(String what, String why, int offset) {
        return new RedshiftException(COPY, "The " + what + " is not one " + (what.startsWith("<where>") ? "condition"
                : "expression") + ": " + why + " (at character " + (Math.max(offset, 0) + 1) + "). A filter is one "
                + "condition such as "
                + "order_date >= DATEADD(day, -90, GETDATE()), a mask one expression such as MD5(email). Fix it in "
                + "the plugin's <copies>; nothing was read or copied.");
    }
}
