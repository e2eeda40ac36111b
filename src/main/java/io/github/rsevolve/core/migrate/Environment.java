package io.github.rsevolve.core.migrate;

import io.github.rsevolve.core.db.ExternalServer;
import java.util.List;
import java.util.Map;

/**
 * A cluster or database the changesets are deployed to (QA, PRO, ...).
 *
 * @param name         the environment's name, used in report file names
 * @param password     never logged: {@link #toString()} masks it
 * @param translate    pass changesets through the Redshift-to-PostgreSQL translator (PostgreSQL stand-ins)
 * @param placeholders Flyway placeholders, ${name} in changesets
 * @param schemas      Flyway's managed schemas; the history table lives in the first; empty for the default
 * @param connectTimeoutSeconds how long a connection may take to be answered and logged in
 */
public record Environment(String name, String url, String user, String password, String historyTable,
                          Map<String, String> placeholders, boolean translate, int statementTimeoutSeconds,
                          List<String> schemas, int connectTimeoutSeconds) {

    public Environment(String name, String url, String user, String password, String historyTable,
                       Map<String, String> placeholders, boolean translate, int statementTimeoutSeconds) {
        this(name, url, user, password, historyTable, placeholders, translate, statementTimeoutSeconds, List.of());
    }

    public Environment(String name, String url, String user, String password, String historyTable,
                       Map<String, String> placeholders, boolean translate, int statementTimeoutSeconds,
                       List<String> schemas) {
        this(name, url, user, password, historyTable, placeholders, translate, statementTimeoutSeconds, schemas,
                ExternalServer.CONNECT_TIMEOUT_SECONDS);
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "Environment[name=" + name + ", url=" + ExternalServer.masked(url) + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "none" : "****") + ", historyTable=" + historyTable
                + ", placeholders=" + placeholders.keySet() + ", translate=" + translate + ", schemas=" + schemas
                + ", connectTimeoutSeconds=" + connectTimeoutSeconds + "]";
    }
}
