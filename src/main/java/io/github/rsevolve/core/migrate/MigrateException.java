package io.github.rsevolve.core.migrate;

/** A deploy could not start or was refused (connection, credentials, checksums, lint errors); located when it can. */
public final class MigrateException extends RuntimeException {

    public MigrateException(String message) {
        super(message);
    }
}
