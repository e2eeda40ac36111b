package io.github.rsevolve.core.validate;

/** Validate could not run: no throwaway server, no rights, a database error outside the user's SQL. */
public final class ValidateException extends RuntimeException {

    public ValidateException(String message) {
        super(message);
    }

    /** @param cause what went wrong underneath, kept for {@code mvn -e}; its message is already in this one */
    public ValidateException(String message, Throwable cause) {
        super(message, cause);
    }
}
