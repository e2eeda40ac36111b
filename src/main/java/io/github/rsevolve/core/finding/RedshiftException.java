package io.github.rsevolve.core.finding;

/**
 * What stops a goal for a reason the user can act on: their settings, a throwaway server or an environment that
 * cannot be reached or refuses the work, a copy or a regeneration that cannot go on. Never a bug of the plugin. The
 * message says what, where and how to fix it; the cause underneath is kept for {@code mvn -e}. The Mojos map it to
 * Maven in one place.
 */
public final class RedshiftException extends RuntimeException {

    /** What the problem is about. */
    public enum Code {
        /** The user's settings (not their SQL): the message says which setting and what to put there. */
        SETTINGS,
        /** The throwaway server or databases failed outside the project's SQL. */
        VALIDATE,
        /** A deploy could not start or was refused (connection, credentials, checksums, lint errors). */
        MIGRATE,
        /** The copy cannot start or go on: a protected target, schemas that differ, an unreachable environment. */
        COPY,
        /** The regeneration cannot be written: an unknown object, a cycle, a missing definition. */
        REGENERATE
    }

    private final Code code;

    public RedshiftException(Code code, String message) {
        this(code, message, null);
    }

    /** @param cause what went wrong underneath, kept for {@code mvn -e}; its message is already in this one */
    public RedshiftException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
