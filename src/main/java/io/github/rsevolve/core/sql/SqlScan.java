package io.github.rsevolve.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A file's statements found without making their tokens: where each is, whether it is a CREATE, and the hash of
 * each identifier a CREATE holds, as {@code token.name().hashCode()} would give it. For reading a large model of
 * which only a few statements are needed; {@link SqlSplitter#statement} makes one statement's tokens when it is.
 * The statements are those {@link SqlSplitter#split} makes, with the same indexes, texts and comments.
 */
public final class SqlScan {

    /**
     * One statement: its tokens in [tokensFrom, to); its comments in [from, to), from the end of the previous
     * statement (SqlSplitter's rule).
     */
    public record Range(int index, int from, int tokensFrom, int to, boolean create) {
    }

    /**
     * Told of each identifier of a CREATE statement (an identifier may come more than once); 'head' when it stands
     * before the statement's first "(" and its AS, where the name of what it creates is.
     */
    public interface Identifiers {
        void identifier(int range, int hash, boolean head);
    }

    public record Result(List<Range> ranges, List<SqlProblem> problems) {
    }

    private final String text;
    private final Identifiers identifiers;
    private final List<Range> ranges = new ArrayList<>();
    /** Where the statement being scanned starts: after the last statement's semicolon, and after the last one. */
    private int from;
    private int tokensFrom;
    private int firstToken = -1;
    private boolean create;
    private boolean head;

    private SqlScan(String text, Identifiers identifiers) {
        this.text = text;
        this.identifiers = identifiers;
    }

    public static Result scan(SourceFile file, Identifiers identifiers) {
        SqlScan scan = new SqlScan(file.text(), identifiers);
        List<SqlProblem> problems = SqlLexer.scan(file, scan::token);
        scan.end(file.text().length());
        return new Result(List.copyOf(scan.ranges), List.copyOf(problems));
    }

    private void token(TokenType type, int start, int end) {
        if (type == TokenType.SYMBOL && end - start == 1 && text.charAt(start) == ';') {
            end(start);
            tokensFrom = start + 1;
            return;
        }
        if (firstToken < 0) {
            firstToken = start;
            create = isWord(type, text, start, end, "create");
            head = true;
        }
        if (!create) {
            return;
        }
        if (endsHead(type, text, start, end)) {
            head = false;
        }
        if (type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER) {
            identifiers.identifier(ranges.size(), hash(type, start, end), head);
        }
    }

    /** Whether the token ends a CREATE's head, the part that names what it creates: its first "(" or its AS. */
    public static boolean endsHead(Token token) {
        return endsHead(token.type(), token.text(), 0, token.text().length());
    }

    private static boolean endsHead(TokenType type, String text, int start, int end) {
        return type == TokenType.SYMBOL && end - start == 1 && text.charAt(start) == '('
                || isWord(type, text, start, end, "as");
    }

    private static boolean isWord(TokenType type, String text, int start, int end, String keyword) {
        return type == TokenType.WORD && end - start == keyword.length()
                && text.substring(start, end).toLowerCase(Locale.ROOT).equals(keyword);
    }

    /** A statement ends at 'at' (a semicolon or the end of the text), if it has a token. */
    private void end(int at) {
        if (firstToken >= 0) {
            ranges.add(new Range(ranges.size(), from, tokensFrom, at, create));
            from = at + 1;
            firstToken = -1;
            create = false;
        }
    }

    /** String.hashCode of the name Token gives the identifier, without making the string for ASCII words. */
    private int hash(TokenType type, int start, int end) {
        if (type == TokenType.WORD) {
            int hash = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c >= 128) {
                    return text.substring(start, end).toLowerCase(Locale.ROOT).hashCode();
                }
                hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            return hash;
        }
        return new Token(type, text.substring(start, end), start).name().hashCode();
    }
}
