package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a statement's tokens front to back; a failed expectation throws {@link SyntaxError} at the token. */
final class TokenCursor {

    /** A located syntax error inside the dialect parser; caught by the parser and turned into a problem. */
    static final class SyntaxError extends RuntimeException {
        final int offset;

        SyntaxError(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final SqlStatement statement;
    private final List<Token> tokens;
    private int pos;

    TokenCursor(SqlStatement statement, int start) {
        this.statement = statement;
        this.tokens = statement.tokens();
        this.pos = start;
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int at = pos + ahead;
        return at < tokens.size() ? tokens.get(at) : null;
    }

    Token next() {
        if (atEnd()) {
            throw error("Unexpected end of statement");
        }
        return tokens.get(pos++);
    }

    boolean is(String keyword) {
        Token t = peek();
        return t != null && t.is(keyword);
    }

    boolean isSymbol(String symbol) {
        Token t = peek();
        return t != null && t.isSymbol(symbol);
    }

    /** Consumes the keywords if they all follow, in order. */
    boolean accept(String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            Token t = peek(k);
            if (t == null || !t.is(keywords[k])) {
                return false;
            }
        }
        pos += keywords.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String keyword) {
        if (!accept(keyword)) {
            throw error("Expected " + keyword);
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error("Expected '" + symbol + "'");
        }
    }

    String identifier() {
        Token t = peek();
        if (t == null || !t.isIdentifier()) {
            throw error("Expected a name");
        }
        pos++;
        return t.identifier();
    }

    /** A dotted name such as db.schema.table; the last two parts are kept. */
    ObjectName qualifiedName() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (isSymbol(".")) {
            pos++;
            parts.add(identifier());
        }
        int n = parts.size();
        return new ObjectName(n > 1 ? parts.get(n - 2) : null, parts.get(n - 1));
    }

    /** A parenthesised, comma-separated list of identifiers. */
    List<String> identifierList() {
        expectSymbol("(");
        List<String> names = new ArrayList<>();
        if (!isSymbol(")")) {
            do {
                names.add(identifier());
            } while (acceptSymbol(","));
        }
        expectSymbol(")");
        return names;
    }

    /** Skips a balanced parenthesised group starting at the current '('. */
    void skipParenthesised() {
        expectSymbol("(");
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
    }

    /** The upper-case word at the cursor, consumed. */
    String word() {
        Token t = next();
        if (t.type() != TokenType.WORD && t.type() != TokenType.QUOTED_IDENTIFIER) {
            throw new SyntaxError("Expected a keyword", t.offset());
        }
        return t.identifier().toUpperCase(Locale.ROOT);
    }

    long number() {
        boolean negative = acceptSymbol("-");
        Token t = next();
        if (t.type() != TokenType.NUMBER) {
            throw new SyntaxError("Expected a number", t.offset());
        }
        try {
            long value = Long.parseLong(t.text());
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw new SyntaxError("Expected a whole number", t.offset());
        }
    }

    /** The source text of tokens [from, to), as written. */
    String text(int from, int to) {
        return statement.text(from, to);
    }

    int offset() {
        Token t = peek();
        return t != null ? t.offset() : statement.endOffset();
    }

    SyntaxError error(String message) {
        Token t = peek();
        String found = t == null ? "end of statement" : "'" + t.text() + "'";
        return new SyntaxError(message + ", found " + found, offset());
    }
}
