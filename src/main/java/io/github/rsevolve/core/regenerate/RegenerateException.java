package io.github.rsevolve.core.regenerate;

/** The regeneration cannot be written: an unknown object, a cycle, a missing definition. Nothing was written. */
public final class RegenerateException extends RuntimeException {

    public RegenerateException(String message) {
        super(message);
    }

    /** @param cause what went wrong underneath, kept for {@code mvn -e}; its message is already in this one */
    public RegenerateException(String message, Throwable cause) {
        super(message, cause);
    }
}
