package io.github.rsevolve.core.sql;

/**
 * Something the SQL engine could not read or understand, located in its file. Lint turns each into a finding of the
 * rule that owns its {@link Kind}.
 *
 * @param offset character offset in the file, or 0 for problems of the whole file
 */
public record SqlProblem(Kind kind, SourceFile file, int offset, String message, String fix) {

    public enum Kind {
        /** The file could not be read at all: missing, a directory, no permission, too large, binary. */
        UNREADABLE_FILE,
        /** The file is not valid UTF-8 and was read as ISO-8859-1. */
        NOT_UTF8,
        /** A quote, dollar quote or block comment that never ends. */
        UNTERMINATED,
        /** A statement the parser does not understand (syntax error or unsupported syntax). */
        UNPARSED_STATEMENT
    }

    public SourcePosition position() {
        return file.position(offset);
    }
}
