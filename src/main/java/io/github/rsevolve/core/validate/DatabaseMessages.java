package io.github.rsevolve.core.validate;

import java.sql.SQLException;

/** The database's own message of a failure, on one line, with its SQLSTATE. */
final class DatabaseMessages {

    private DatabaseMessages() {
    }

    static String of(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // pgjdbc appends "Position: n" of the translated text, which means nothing in the user's file.
        message = message.replaceAll("\\s*Position: \\d+\\s*$", "").replaceAll("\\s+", " ").trim();
        if (e.getSQLState() != null && !message.contains(e.getSQLState())) {
            message += " (SQLSTATE " + e.getSQLState() + ")";
        }
        return message.endsWith(".") || message.endsWith(")") ? message : message + ".";
    }
}
