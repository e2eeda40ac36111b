package io.github.rsevolve.core.migrate;

/** A deploy could not start or was refused (connection, credentials, checksums, lint errors); located when it can. */
public final class MigrateException extends RuntimeException {

    public MigrateException(String message) {
        super(message);
    }

    /** @param cause what went wrong underneath, kept for {@code mvn -e}; its message is already in this one */
    public MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}
