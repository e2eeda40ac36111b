package io.github.rsevolve.core.validate;

import io.github.rsevolve.core.lint.Changeset;
import io.github.rsevolve.core.parse.Transactions;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * One changeset as a Flyway migration: its statements are translated and run one by one, so a failure is reported
 * at the statement's own file, line and column; Flyway keeps the history table, the order and the transaction.
 */
final class ChangesetMigration implements JavaMigration {

    /** Thrown to make Flyway roll the changeset back; the finding is already recorded. */
    static final class Failed extends RuntimeException {
        Failed(String changeset) {
            super("Changeset " + changeset + " failed", null, false, false);
        }
    }

    private final Changeset changeset;
    private final RunnerFactory runners;

    /** Makes the statement runner for the migration's connection. */
    interface RunnerFactory {
        StatementRunner on(Connection connection);
    }

    ChangesetMigration(Changeset changeset, RunnerFactory runners) {
        this.changeset = changeset;
        this.runners = runners;
    }

    @Override
    public MigrationVersion getVersion() {
        return changeset.isVersioned() ? MigrationVersion.fromVersion(changeset.version().replace('_', '.')) : null;
    }

    @Override
    public String getDescription() {
        return changeset.description().replace('_', ' ');
    }

    /** Flyway's checksum idea: a repeatable changeset runs again when its text changes. */
    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(changeset.script().file().text().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return changeset.script().statements().stream().noneMatch(s -> Transactions.nonTransactional(s) != null);
    }

    @Override
    public void migrate(Context context) throws Exception {
        StatementRunner runner = runners.on(context.getConnection());
        for (ParsedStatement statement : changeset.script().statements()) {
            if (!runner.run(statement, ValidateCheck.BUILD_ERROR)) {
                throw new Failed(changeset.script().file().displayPath());
            }
        }
    }
}
