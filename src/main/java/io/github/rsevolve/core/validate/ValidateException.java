package io.github.rsevolve.core.validate;

/** Validate could not run: no throwaway server, no rights, a database error outside the user's SQL. */
public final class ValidateException extends RuntimeException {

    public ValidateException(String message) {
        super(message);
    }
}
