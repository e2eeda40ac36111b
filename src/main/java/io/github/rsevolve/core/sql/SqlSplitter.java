package io.github.rsevolve.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file into statements at semicolons that are outside quotes, dollar quotes and comments. Positions come from
 * the lexer, so every statement keeps its exact file offset; nothing is ever dropped or truncated: text after the last
 * semicolon is a statement too.
 */
public final class SqlSplitter {

    private SqlSplitter() {
    }

    public static SqlScript split(SourceFile file) {
        SqlLexer.Result lexed = SqlLexer.lex(file);
        List<Token> tokens = lexed.tokens();
        List<SqlStatement> statements = new ArrayList<>();
        List<Comment> comments = lexed.comments();
        int[] semicolons = lexed.semicolons();
        int commentIndex = 0;
        int start = 0;
        for (int s = 0; s <= semicolons.length; s++) {
            boolean last = s == semicolons.length;
            int i = last ? tokens.size() : semicolons[s];
            if (i > start) {
                int end = last ? Integer.MAX_VALUE : tokens.get(i).offset();
                List<Comment> own = new ArrayList<>();
                while (commentIndex < comments.size() && comments.get(commentIndex).offset() < end) {
                    own.add(comments.get(commentIndex++));
                }
                statements.add(new SqlStatement(file, statements.size(), List.copyOf(tokens.subList(start, i)), own));
            }
            start = i + 1;
        }
        return new SqlScript(file, List.copyOf(statements), lexed.problems());
    }

    /** The statement of a scanned range, as {@link #split} makes it. */
    public static SqlStatement statement(SourceFile file, SqlScan.Range range) {
        SqlLexer.Result lexed = SqlLexer.lex(file, range.from(), range.to());
        // Before tokensFrom the range holds only the semicolons of empty statements, which split leaves out.
        List<Token> tokens = lexed.tokens().stream().filter(t -> t.offset() >= range.tokensFrom()).toList();
        return new SqlStatement(file, range.index(), tokens, new ArrayList<>(lexed.comments()));
    }
}
