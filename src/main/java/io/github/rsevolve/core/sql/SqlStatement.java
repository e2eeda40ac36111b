package io.github.rsevolve.core.sql;

import java.util.List;

/**
 * One statement of a source file: its tokens (without the closing semicolon) and the comments from the end of the
 * previous statement up to its own end, where suppressions live.
 *
 * @param index 0-based position of the statement in its file
 * @param words where each word of the tokens stands
 */
public record SqlStatement(SourceFile file, int index, List<Token> tokens, List<Comment> comments, Words words) {

    public SqlStatement(SourceFile file, int index, List<Token> tokens, List<Comment> comments) {
        this(file, index, tokens, comments, new Words(tokens));
    }

    public int startOffset() {
        return tokens.get(0).offset();
    }

    public int endOffset() {
        return tokens.get(tokens.size() - 1).end();
    }

    public SourcePosition position() {
        return file.position(startOffset());
    }

    /** The statement's exact source text, from its first token to its last. */
    public String text() {
        return file.text().substring(startOffset(), endOffset());
    }

    /** The source text of the tokens [from, to), as written; empty when the range is. */
    public String text(int from, int to) {
        return from >= to ? "" : file.text().substring(tokens.get(from).offset(), tokens.get(to - 1).end());
    }

    /** The token at index i, or null past the end. */
    public Token token(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    /** Whether the tokens from index 'from' are these keywords, in order (case-insensitive). */
    public boolean startsWith(int from, String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            Token token = token(from + k);
            if (token == null || !token.is(keywords[k])) {
                return false;
            }
        }
        return true;
    }

    public boolean startsWith(String... keywords) {
        return startsWith(0, keywords);
    }

    /** Index of the first token at or after 'from' that is the keyword, or -1. */
    public int indexOf(String keyword, int from) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).is(keyword)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return file.displayPath() + ":" + position() + ": " + text();
    }
}
