package io.github.rsevolve.core.sql;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each word of one statement stands, found on first use in one pass over its tokens: a rule that looks for a
 * few keywords visits the tokens that are those words instead of every token, which is most of lint's time on long
 * queries. Thread-safe: two threads asking at once both build the same index.
 */
public final class Words {

    private static final int[] NONE = new int[0];

    private final List<Token> tokens;
    private volatile Index index;

    /**
     * The word positions by folded name (never changed once built), the distinct words, and the positions of the
     * quoted identifiers.
     */
    private record Index(Map<String, int[]> words, List<String> distinct, int[] quoted) {
    }

    Words(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The indexes of the tokens that are this word (in lower case), in order; empty if there are none. */
    public int[] of(String word) {
        return index().words().getOrDefault(word, NONE);
    }

    /** The distinct words of the statement, folded as {@link Token#identifier()} folds them. */
    public List<String> all() {
        return index().distinct();
    }

    /** The indexes of the quoted identifiers, in order. */
    public int[] quoted() {
        return index().quoted();
    }

    /** Lets the index go; it is built again if asked for. */
    public void forget() {
        index = null;
    }

    private Index index() {
        Index built = index;
        if (built == null) {
            built = build();
            index = built;
        }
        return built;
    }

    private Index build() {
        Builder builder = new Builder(tokens);
        for (int i = 0, n = tokens.size(); i < n; i++) {
            builder.add(i);
        }
        return builder.index();
    }

    private static final class Builder {
        private final List<Token> tokens;
        private final Map<String, int[]> growing = new HashMap<>();
        private int[] quoted = new int[4];
        private int quotedCount;

        Builder(List<Token> tokens) {
            this.tokens = tokens;
        }

        void add(int i) {
            Token token = tokens.get(i);
            if (token.type() == TokenType.WORD) {
                // Slot 0 counts the positions that follow it.
                int[] positions = growing.get(token.name());
                if (positions == null) {
                    positions = new int[4];
                    growing.put(token.name(), positions);
                } else if (positions[0] + 1 == positions.length) {
                    positions = Arrays.copyOf(positions, positions.length * 2);
                    growing.put(token.name(), positions);
                }
                positions[++positions[0]] = i;
            } else if (token.type() == TokenType.QUOTED_IDENTIFIER) {
                if (quotedCount == quoted.length) {
                    quoted = Arrays.copyOf(quoted, quotedCount * 2);
                }
                quoted[quotedCount++] = i;
            }
        }

        Index index() {
            // Not copied into an immutable map: that would hash every word again, and nothing writes to this one.
            String[] distinct = new String[growing.size()];
            int d = 0;
            for (Map.Entry<String, int[]> entry : growing.entrySet()) {
                int[] positions = entry.getValue();
                entry.setValue(Arrays.copyOfRange(positions, 1, positions[0] + 1));
                distinct[d++] = entry.getKey();
            }
            return new Index(growing, List.of(distinct), Arrays.copyOf(quoted, quotedCount));
        }
    }

    /** Derived from the tokens, which the statement compares itself: every index equals every other. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Words;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "Words";
    }
}
