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
        List<SqlStatement> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int commentIndex = 0;
        List<Comment> comments = lexed.comments();
        for (Token token : lexed.tokens()) {
            if (!token.isSymbol(";")) {
                current.add(token);
                continue;
            }
            if (!current.isEmpty()) {
                int end = token.offset();
                List<Comment> own = new ArrayList<>();
                while (commentIndex < comments.size() && comments.get(commentIndex).offset() < end) {
                    own.add(comments.get(commentIndex++));
                }
                statements.add(new SqlStatement(file, statements.size(), List.copyOf(current), own));
                current.clear();
            }
        }
        if (!current.isEmpty()) {
            List<Comment> own = new ArrayList<>(comments.subList(commentIndex, comments.size()));
            statements.add(new SqlStatement(file, statements.size(), List.copyOf(current), own));
        }
        return new SqlScript(file, List.copyOf(statements), lexed.problems());
    }
}
