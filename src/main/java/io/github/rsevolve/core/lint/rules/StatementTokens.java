package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.sql.Token;
import java.util.List;

/** Small token scans the Redshift rules share: calls, parentheses, clauses at the top level. */
final class StatementTokens {

    private StatementTokens() {
    }

    /** Whether the token at i is a bare word followed by "(": a function call or a keyword with a list. */
    static boolean isCall(List<Token> tokens, int i, String name) {
        return tokens.get(i).is(name) && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")
                && (i == 0 || !tokens.get(i - 1).isSymbol("."));
    }

    /** The index of the ")" that closes the "(" at open, or the last token when it is not closed. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }
}
