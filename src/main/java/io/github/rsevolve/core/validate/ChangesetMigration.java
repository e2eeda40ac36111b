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
public final class ChangesetMigration implements JavaMigration {

    /** Thrown to make Flyway roll the changeset back; the finding is already recorded. */
    public static final class Failed extends RuntimeException {
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

    /**
     * The checksum Flyway computes for an SQL migration: CRC32 over the UTF-8 bytes of each line without its line
     * break. An edited changeset no longer matches what the history table recorded; a repeatable one runs again.
     */
    @Override
    public Integer getChecksum() {
        return checksum(changeset);
    }

    public static int checksum(Changeset changeset) {
        CRC32 crc = new CRC32();
        for (String line : changeset.script().file().text().split("\\r\\n|\\r|\\n", -1)) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
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
            if (!runner.run(statement, runner.failureCheck())) {
                throw new Failed(changeset.script().file().displayPath());
            }
        }
    }
}
