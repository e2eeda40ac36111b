package io.github.rsevolve.maven;

import io.github.rsevolve.core.db.ExternalServer;

/**
 * A JDBC URL parameter, which may hold a password (?password=...): Maven's {@code -X} lists it with the password
 * masked, as every message of the plugin does.
 */
public final class JdbcUrl {

    private String value;

    public void set(String value) {
        this.value = value;
    }

    /** The URL, or null when none was configured. */
    static String valueOf(JdbcUrl url) {
        return url == null || url.value == null || url.value.isBlank() ? null : url.value.trim();
    }

    @Override
    public String toString() {
        return value == null ? "(none)" : ExternalServer.masked(value);
    }
}
