package io.github.rsevolve.core.execute;

import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The database's own message of a failure, on one line, with its SQLSTATE, and where in the file it points. */
public final class DatabaseMessages {

    /** The object PostgreSQL's and Redshift's messages name: relation "s.t" does not exist, column "c" of ... */
    private static final Pattern NAMED = Pattern.compile("(?:relation|column|table|view|schema|function|type|"
            + "sequence|constraint|index|role|user|database) \"([^\"]+)\"|function ([\\w.]+)\\(");

    /** pgjdbc's and redshift-jdbc42's "Position: n": a 1-based character of the text that was sent. */
    private static final Pattern POSITION = Pattern.compile("Position: (\\d+)");

    /** PostgreSQL's undefined_table and undefined_column messages. */
    private static final Pattern MISSING_RELATION = Pattern.compile("relation \"([^\"]+)\" does not exist");
    private static final Pattern MISSING_COLUMN = Pattern.compile("column \"([^\".]+)\" does not exist");

    private DatabaseMessages() {
    }

    /**
     * The offset in the statement's file the failure points at: the object the message names, or else the word at
     * the position the database reports in the text it was sent (the translation, which keeps the names), found
     * among the statement's own tokens; where neither is found, the statement's start.
     *
     * @param sent the text the database ran for the statement
     */
    static int offset(SQLException e, SqlStatement statement, String sent) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = position(e);
        String word = at >= 0 && at < sent.length() ? wordAt(sent, at) : null;
        Matcher named = NAMED.matcher(message);
        String target = named.find() ? lastPart(named.group(1) != null ? named.group(1) : named.group(2)) : word;
        if (target == null || target.isEmpty()) {
            return statement.startOffset();
        }
        List<Token> matches = statement.tokens().stream()
                .filter(token -> token.isIdentifier() && token.identifier().equals(target)).toList();
        if (matches.isEmpty()) {
            return statement.startOffset();
        }
        // The n-th use of the name in the sent text is the n-th in the statement: the translation keeps names in order.
        int occurrence = target.equals(word) ? occurrencesBefore(sent, target, at) : 0;
        return matches.get(Math.min(occurrence, matches.size() - 1)).offset();
    }

    /** The 0-based character of the sent text the failure reports, or -1. */
    static int position(SQLException e) {
        Matcher position = POSITION.matcher(e.getMessage() == null ? "" : e.getMessage());
        return position.find() ? Integer.parseInt(position.group(1)) - 1 : -1;
    }

    /** The relation, as the statement names it and lower case, that an undefined_table failure says is missing. */
    static String missingRelation(SQLException e) {
        return named(e, "42P01", MISSING_RELATION);
    }

    /** The unqualified column, lower case, that an undefined_column failure says is missing. */
    static String missingColumn(SQLException e) {
        return named(e, "42703", MISSING_COLUMN);
    }

    private static String named(SQLException e, String sqlState, Pattern pattern) {
        if (!sqlState.equals(e.getSQLState()) || e.getMessage() == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(e.getMessage().toLowerCase(Locale.ROOT));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String lastPart(String name) {
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The name that starts at, or contains, the character: quotes dropped, lower case as stored. */
    private static String wordAt(String text, int at) {
        int start = at;
        if (text.charAt(start) == '"') {
            int close = text.indexOf('"', start + 1);
            return close < 0 ? null : text.substring(start + 1, close).toLowerCase(Locale.ROOT);
        }
        while (start > 0 && isNamePart(text.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
        }
        return end > start ? text.substring(start, end).toLowerCase(Locale.ROOT) : null;
    }

    private static int occurrencesBefore(String text, String name, int before) {
        Matcher uses = Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name) + "\"?(?![\\w$])",
                Pattern.CASE_INSENSITIVE).matcher(text.substring(0, Math.max(0, before)));
        int count = 0;
        while (uses.find()) {
            count++;
        }
        return count;
    }

    public static String of(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // pgjdbc appends "Position: n" of the translated text, which means nothing in the user's file.
        message = message.replaceAll("\\s*Position: \\d+\\s*$", "").replaceAll("\\s+", " ").trim();
        if (e.getSQLState() != null && !message.contains(e.getSQLState())) {
            message += " (SQLSTATE " + e.getSQLState() + ")";
        }
        return message.endsWith(".") || message.endsWith(")") ? message : message + ".";
    }
}
