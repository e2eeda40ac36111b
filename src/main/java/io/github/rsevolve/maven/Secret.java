package io.github.rsevolve.maven;

/**
 * A password parameter. Maven's {@code -X} lists every parameter with its value's toString, which here is masked;
 * Maven sets the value through {@link #set(String)}, as it does for any object configured with plain text.
 */
public final class Secret {

    private String value;

    public void set(String value) {
        this.value = value;
    }

    /** The password, or null when none was configured. */
    static String valueOf(Secret secret) {
        return secret == null || secret.value == null || secret.value.isEmpty() ? null : secret.value;
    }

    @Override
    public String toString() {
        return value == null || value.isEmpty() ? "(none)" : "****";
    }
}
