package io.github.rsevolve.core.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits Redshift SQL text into tokens and comments. Knows Redshift's quoting: '' and \' inside strings (Redshift
 * accepts a backslash escape in string literals), "" inside quoted identifiers, $$ and $tag$ bodies, -- comments and
 * nested block comments. Never fails: an unterminated construct runs to the end of the text and is reported.
 */
final class SqlLexer {

    /** @param semicolons the indexes of the ";" tokens, in order, for the splitter */
    record Result(List<Token> tokens, List<Comment> comments, List<SqlProblem> problems, int[] semicolons) {
    }

    private static final String[] ONE_CHARACTER = new String[128];

    // What each ASCII character is to the main loop, looked up once per character.
    private static final byte OTHER = 0;
    private static final byte SPACE = 1;
    private static final byte DIGIT = 2;
    private static final byte LOWER = 3;
    private static final byte UPPER = 4;
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < ONE_CHARACTER.length; c++) {
            // Interned, so that the literal a rule compares with, isSymbol("("), is the same string: equal at once.
            ONE_CHARACTER[c] = String.valueOf(c).intern();
            ASCII[c] = Character.isWhitespace(c) ? SPACE : c >= '0' && c <= '9' ? DIGIT : c >= 'A' && c <= 'Z' ? UPPER
                    : c >= 'a' && c <= 'z' || c == '_' ? LOWER : OTHER;
        }
    }

    /** What a scan is told of each token, where the lexer would make it; comments are skipped. */
    interface Sink {
        void token(TokenType type, int start, int end);
    }

    private final SourceFile file;
    private final String text;
    /**
     * The text [base, length) as characters: the main loops index them, a bytecode each where a cold JVM would
     * interpret three calls of String.charAt.
     */
    private final char[] chars;
    private final int base;
    private final int length;
    private final Sink sink;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<SqlProblem> problems = new ArrayList<>();
    /**
     * Each distinct ASCII word of the text once, by its exact spelling, with its folded name and the hash of the
     * spelling: an open-addressed table, as Jackson keeps field names. A word read again is the same two strings,
     * so nothing is allocated for it, and the maps and switches of the passes after hash its name once and find it
     * by identity.
     */
    private String[] texts = new String[256];
    private String[] names = new String[256];
    private int[] hashes = new int[256];
    private int distinctWords;
    private int[] semicolons = new int[16];
    private int semicolonCount;
    private int pos;

    private SqlLexer(SourceFile file, int from, int to, Sink sink) {
        this.file = file;
        this.text = file.text();
        this.chars = new char[to - from];
        text.getChars(from, to, chars, 0);
        this.base = from;
        this.pos = from;
        this.length = to;
        this.sink = sink;
    }

    static Result lex(SourceFile file) {
        return lex(file, 0, file.text().length());
    }

    /** The tokens and comments of the text [from, to), at their offsets in the file. */
    static Result lex(SourceFile file, int from, int to) {
        SqlLexer lexer = new SqlLexer(file, from, to, null);
        lexer.run();
        return new Result(lexer.tokens, lexer.comments, lexer.problems,
                Arrays.copyOf(lexer.semicolons, lexer.semicolonCount));
    }

    /** Tells the sink of each token of the file instead of making it; returns what is unterminated. */
    static List<SqlProblem> scan(SourceFile file, Sink sink) {
        SqlLexer lexer = new SqlLexer(file, 0, file.text().length(), sink);
        lexer.run();
        return lexer.problems;
    }

    private void run() {
        // A token at a time, not a character: a cold JVM compiles a method called at every token within the first
        // lines, a loop's own body only after tens of thousands of rounds.
        while (pos < length) {
            next();
        }
    }

    /** Skips white space, then reads one token or comment, if any is left. */
    private void next() {
        char c = chars[pos - base];
        byte kind = c < 128 ? ASCII[c] : nonAscii(c);
        while (kind == SPACE) {
            if (++pos == length) {
                return;
            }
            c = chars[pos - base];
            kind = c < 128 ? ASCII[c] : nonAscii(c);
        }
        if (kind >= LOWER) {
            if ((c == 'E' || c == 'e' || c == 'N' || c == 'n') && peek(1) == '\'') {
                escapeString();
            } else {
                word(pos++, c < 128, kind == LOWER);
            }
        } else if (kind == DIGIT) {
            number();
        } else {
            other(c);
        }
    }

    /** A character that starts neither a word nor a number, nor is white space. */
    private void other(char c) {
        if (c == '-' && peek(1) == '-') {
            lineComment();
        } else if (c == '/' && peek(1) == '*') {
            blockComment();
        } else if (c == '\'') {
            quoted(TokenType.STRING, '\'', true, "string literal");
        } else if (c == '"') {
            quoted(TokenType.QUOTED_IDENTIFIER, '"', false, "quoted identifier");
        } else if (c == '$') {
            dollar();
        } else if (c == '#' && isWordPart(peek(1))) {
            // A leading # names a Redshift temporary table.
            word(pos++, true, true);
        } else if (c == '.' && isDigit(peek(1))) {
            number();
        } else if (c == ':' && peek(1) == ':') {
            pos += 2;
            add(TokenType.SYMBOL, pos - 2);
        } else {
            if (c == ';' && sink == null) {
                semicolon();
            }
            pos++;
            add(TokenType.SYMBOL, pos - 1);
        }
    }

    /** E'...' escape string and N'...' national string: the prefix belongs to the literal. */
    private void escapeString() {
        int start = pos++;
        quoted(TokenType.STRING, '\'', true, "string literal");
        if (sink == null) {
            Token literal = tokens.remove(tokens.size() - 1);
            tokens.add(new Token(TokenType.STRING, text.substring(start, literal.end()), start));
        }
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < length ? chars[at - base] : '\0';
    }

    private void add(TokenType type, int start) {
        if (sink != null) {
            sink.token(type, start, pos);
            return;
        }
        char first = chars[start - base];
        // Most tokens of a long query are one ASCII character (. , ( ) =): one shared string each.
        boolean oneAscii = pos - start == 1 && first < ONE_CHARACTER.length;
        tokens.add(new Token(type, oneAscii ? ONE_CHARACTER[first] : text.substring(start, pos), start));
    }

    /**
     * A word from its first character (already passed). An ASCII word is folded here while its characters are at
     * hand, without the JDK's per-character case tables (a cold JVM interprets those calls for every word), and
     * made once per file: see {@link #texts}. Any other word is folded by the token.
     */
    private void word(int start, boolean plainAscii, boolean lowerCase) {
        int hash = chars[start - base];
        while (pos < length) {
            char part = chars[pos - base];
            if (part < 128) {
                byte kind = ASCII[part];
                if (kind < DIGIT && part != '$') {
                    break;
                }
                lowerCase &= kind != UPPER;
            } else if (Character.isLetterOrDigit(part)) {
                plainAscii = false;
            } else {
                break;
            }
            hash = 31 * hash + part;
            pos++;
        }
        if (sink != null || !plainAscii) {
            add(TokenType.WORD, start);
            return;
        }
        int slot = slot(start, hash);
        String word = texts[slot];
        String name = names[slot];
        if (word == null) {
            word = text.substring(start, pos);
            name = lowerCase ? word : lowered(start);
            texts[slot] = word;
            names[slot] = name;
            hashes[slot] = hash;
            if (++distinctWords * 2 > texts.length) {
                growWords();
            }
        }
        tokens.add(new Token(TokenType.WORD, word, start, name));
    }

    /** The slot of the word [start, pos) in {@link #texts}: where it is, or the free slot where it belongs. */
    private int slot(int start, int hash) {
        int mask = texts.length - 1;
        int wordLength = pos - start;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            String known = texts[slot];
            if (known == null
                    || hashes[slot] == hash && known.length() == wordLength && text.startsWith(known, start)) {
                return slot;
            }
        }
    }

    private void growWords() {
        String[] oldTexts = texts;
        String[] oldNames = names;
        int[] oldHashes = hashes;
        texts = new String[oldTexts.length * 2];
        names = new String[texts.length];
        hashes = new int[texts.length];

        int mask = texts.length - 1;
        for (int i = 0; i < oldTexts.length; i++) {
            if (oldTexts[i] != null) {
                int slot = oldHashes[i] & mask;
                while (texts[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                texts[slot] = oldTexts[i];
                names[slot] = oldNames[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    /** The ASCII word [start, pos) in lower case. */
    private String lowered(int start) {
        char[] lowered = new char[pos - start];
        for (int i = 0; i < lowered.length; i++) {
            char c = chars[start - base + i];
            lowered[i] = c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
        }
        return new String(lowered);
    }

    /** Notes the index of the ";" token about to be made, so that the splitter need not look at every token. */
    private void semicolon() {
        if (semicolonCount == semicolons.length) {
            semicolons = Arrays.copyOf(semicolons, semicolonCount * 2);
        }
        semicolons[semicolonCount++] = tokens.size();
    }

    private void lineComment() {
        int start = pos;
        while (pos < length && chars[pos - base] != '\n' && chars[pos - base] != '\r') {
            pos++;
        }
        comment(start);
    }

    private void comment(int start) {
        if (sink == null) {
            comments.add(new Comment(text.substring(start, pos), start));
        }
    }

    private void blockComment() {
        int start = pos;
        int depth = 0;
        while (pos < length) {
            if (chars[pos - base] == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (chars[pos - base] == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    comment(start);
                    return;
                }
            } else {
                pos++;
            }
        }
        comment(start);
        unterminated(start, "block comment", "*/");
    }

    private void quoted(TokenType type, char quote, boolean backslashEscapes, String what) {
        int start = pos++;
        while (pos < length) {
            char c = chars[pos - base];
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    add(type, start);
                    return;
                }
            } else {
                pos++;
            }
        }
        pos = length;
        add(type, start);
        unterminated(start, what, String.valueOf(quote));
    }

    private void dollar() {
        int start = pos;
        int tagEnd = pos + 1;
        if (isDigit(peek(1))) {
            pos++;
            while (pos < length && isDigit(chars[pos - base])) {
                pos++;
            }
            add(TokenType.PARAMETER, start);
            return;
        }
        // A tag is $$ or $name$ where name starts like an identifier (PostgreSQL's lexical rules, which Redshift
        // follows).
        if (tagEnd < length && isWordStart(chars[tagEnd - base])) {
            while (tagEnd < length && isWordPart(chars[tagEnd - base]) && chars[tagEnd - base] != '$') {
                tagEnd++;
            }
        }
        if (tagEnd >= length || chars[tagEnd - base] != '$') {
            pos++;
            add(TokenType.SYMBOL, start);
            return;
        }
        String tag = text.substring(start, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            pos = length;
            add(TokenType.DOLLAR_STRING, start);
            unterminated(start, "dollar-quoted body", tag);
        } else {
            pos = close + tag.length();
            add(TokenType.DOLLAR_STRING, start);
        }
    }

    private void number() {
        int start = pos;
        while (pos < length && (isDigit(chars[pos - base]) || chars[pos - base] == '.')) {
            pos++;
        }
        if (pos < length && (chars[pos - base] == 'e' || chars[pos - base] == 'E')
                && (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
            pos += 2;
            while (pos < length && isDigit(chars[pos - base])) {
                pos++;
            }
        }
        add(TokenType.NUMBER, start);
    }

    private void unterminated(int start, String what, String closer) {
        problems.add(new SqlProblem(SqlProblem.Kind.UNTERMINATED, file, start,
                "Unterminated " + what + ": it starts here and never ends, so the rest of the file is swallowed by it.",
                "Close it with " + closer + "."));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What a character beyond ASCII is to the main loop; a letter starts a word, which the token folds. */
    private static byte nonAscii(char c) {
        return c == '\u00a0' || Character.isWhitespace(c) ? SPACE : Character.isLetter(c) ? LOWER : OTHER;
    }

    // ASCII by the table: a cold JVM interprets the lexer for its first files, and Character's tables cost calls there.
    private static boolean isWordStart(char c) {
        return (c < 128 ? ASCII[c] : nonAscii(c)) >= LOWER;
    }

    private static boolean isWordPart(char c) {
        return c < 128 ? ASCII[c] >= DIGIT || c == '$' : Character.isLetterOrDigit(c);
    }
}
