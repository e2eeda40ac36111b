package io.github.rsevolve.core.sql;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One lexical token of a source file. A class, not a record: a one-character symbol's character is kept too, for
 * the passes that switch on it at every token.
 */
public final class Token {

    private final TokenType type;
    private final String text;
    private final int offset;
    private final String name;
    private final char symbol;

    /**
     * @param offset character offset of the token's first character in the file
     * @param name   for a word or quoted identifier, its name as Redshift stores it (see {@link #identifier()}),
     *               folded once here because every rule asks for it; null for other tokens
     */
    public Token(TokenType type, String text, int offset, String name) {
        this.type = type;
        this.text = text;
        this.offset = offset;
        this.name = name;
        this.symbol = type == TokenType.SYMBOL && text.length() == 1 ? text.charAt(0) : '\0';
    }

    public Token(TokenType type, String text, int offset) {
        this(type, text, offset, type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER
                ? fold(type, text) : null);
    }

    public TokenType type() {
        return type;
    }

    public String text() {
        return text;
    }

    public int offset() {
        return offset;
    }

    /** For a word or quoted identifier, its name as Redshift stores it (see {@link #identifier()}); else null. */
    public String name() {
        return name;
    }

    public int end() {
        return offset + text.length();
    }

    /** Whether this is the given keyword, written in lower case (the token itself may be in any case). */
    public boolean is(String keyword) {
        return type == TokenType.WORD && name.equals(keyword);
    }

    /** A one-character symbol's character, '\0' for any other token: what the passes over every token switch on. */
    public char symbol() {
        return symbol;
    }

    public boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && text.equals(symbol);
    }

    public boolean isIdentifier() {
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER;
    }

    /**
     * The identifier's name as Redshift stores it: unquoted names fold to lower case; quoted names keep their text
     * (Redshift also folds quoted names unless enable_case_sensitive_identifier is on).
     */
    public String identifier() {
        return name != null ? name : fold(type, text);
    }

    private static String fold(TokenType type, String text) {
        if (type == TokenType.QUOTED_IDENTIFIER) {
            // An identifier the file never closes (the lexer reports it) has no closing quote to drop.
            boolean closed = text.length() >= 2 && text.endsWith("\"");
            return text.substring(1, closed ? text.length() - 1 : text.length()).replace("\"\"", "\"")
                    .toLowerCase(Locale.ROOT);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** The value of a string literal without its quotes and escapes. */
    public String stringValue() {
        if (type != TokenType.STRING || text.length() < 2) {
            return text;
        }
        return text.substring(1, text.length() - 1).replace("''", "'").replace("\\'", "'");
    }

    /** The parenthesis depth of each token: 0 at the statement's top level, a "(" and its ")" at the outer depth. */
    public static int[] depths(List<Token> tokens) {
        int[] depths = new int[tokens.size()];
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol(")")) {
                depth = Math.max(0, depth - 1);
            }
            depths[i] = depth;
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            }
        }
        return depths;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token that && offset == that.offset && type == that.type && text.equals(that.text)
                && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text, offset, name);
    }

    @Override
    public String toString() {
        return type + " " + text + " at " + offset;
    }
}
