package io.github.rsevolve.core.copy;

/** The copy cannot start or go on: a protected target, schemas that differ, an unreachable environment. */
public final class CopyException extends RuntimeException {

    public CopyException(String message) {
        super(message);
    }

    /** @param cause what went wrong underneath, kept for {@code mvn -e}; its message is already in this one */
    public CopyException(String message, Throwable cause) {
        super(message, cause);
    }
}
