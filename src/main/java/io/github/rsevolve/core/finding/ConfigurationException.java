package io.github.rsevolve.core.finding;

/** A problem with the user's settings (not their SQL): the message says which setting and what to put there. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    /** @param cause what went wrong underneath, kept for {@code mvn -e}; its message is already in this one */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
