package io.github.rsevolve.core.copy;

/** The copy cannot start or go on: a protected target, schemas that differ, an unreachable environment. */
public final class CopyException extends RuntimeException {

    public CopyException(String message) {
        super(message);
    }
}
