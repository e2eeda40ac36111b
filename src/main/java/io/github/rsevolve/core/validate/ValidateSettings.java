package io.github.rsevolve.core.validate;

import io.github.rsevolve.core.db.ExternalServer;
import io.github.rsevolve.core.lint.LintSettings;

/**
 * What validate does beyond lint.
 *
 * @param throwawayUrl   a JDBC URL of a server for the throwaway databases, or null for the embedded PostgreSQL
 * @param password       the throwaway server's password; never logged
 * @param keepThrowaway  keep the databases for inspection instead of dropping them
 * @param statementTimeoutSeconds bound on one statement of the builds and ETL checks
 * @param historyTable   Flyway's history table
 */
public record ValidateSettings(LintSettings lint, String throwawayUrl, String user, String password,
                               boolean keepThrowaway, int statementTimeoutSeconds, String historyTable) {

    @Override
    public String toString() {
        return "ValidateSettings[lint=" + lint + ", throwawayUrl="
                + (throwawayUrl == null ? "embedded" : ExternalServer.masked(throwawayUrl))
                + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "none" : "****")
                + ", keepThrowaway=" + keepThrowaway + ", statementTimeoutSeconds=" + statementTimeoutSeconds
                + ", historyTable=" + historyTable + "]";
    }
}
