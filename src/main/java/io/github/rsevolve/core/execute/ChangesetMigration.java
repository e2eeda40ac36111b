package io.github.rsevolve.core.execute;

import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.Transactions;
import io.github.rsevolve.core.project.Changeset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.Context;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.MigrationType;
import org.flywaydb.core.internal.jdbc.Results;

/**
 * One changeset as a Flyway SQL migration: Flyway records it exactly as it records the file it would find itself
 * (type SQL, the file's path as script, its description and checksum), so Flyway and the plugin read one history;
 * the plugin runs it, translating and running its statements one by one, so a failure is reported at the
 * statement's own file, line and column. Flyway keeps the history table, the order and the transaction.
 */
public final class ChangesetMigration implements ResolvedMigration, MigrationExecutor {

    /**
     * The script the plugin's releases before 0.1.0 recorded (a Java migration named by its class, type JDBC);
     * redshift:repair rewrites such rows as Flyway's SQL rows.
     */
    public static final String LEGACY_SCRIPT = "io.github.rsevolve.core.execute.ChangesetMigration";

    /**
     * Thrown to make Flyway roll the changeset back, or record it failed when it ran outside a transaction; a
     * FlywayException, which Flyway handles as its own migration failures. The finding is already recorded.
     */
    public static final class Failed extends FlywayException {
        private final transient Changeset changeset;
        private final boolean partlyApplied;

        Failed(Changeset changeset, boolean partlyApplied) {
            super("Changeset " + changeset.script().file().displayPath() + " failed");
            this.changeset = changeset;
            this.partlyApplied = partlyApplied;
        }

        public Changeset changeset() {
            return changeset;
        }

        /** The failed changeset among the exception's causes, or null when none of them is one. */
        public static Failed in(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Failed failed) {
                    return failed;
                }
            }
            return null;
        }

        /** Whether it ran outside a transaction and statements before the failing one stay applied. */
        public boolean partlyApplied() {
            return partlyApplied;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final Changeset changeset;
    private final RunnerFactory runners;
    /** Parsed once: Flyway asks for the version in every comparison of its sorts and state checks. */
    private final MigrationVersion version;
    private final int checksum;

    /** Makes the statement runner for the migration's connection. */
    interface RunnerFactory {
        StatementRunner on(Connection connection);
    }

    ChangesetMigration(Changeset changeset, RunnerFactory runners) {
        this.changeset = changeset;
        this.runners = runners;
        this.version = changeset.isVersioned() ? MigrationVersion.fromVersion(changeset.flywayVersion()) : null;
        this.checksum = checksum(changeset);
    }

    @Override
    public String getScript() {
        return changeset.flywayScript();
    }

    @Override
    public MigrationType getType() {
        return CoreMigrationType.SQL;
    }

    @Override
    public String getPhysicalLocation() {
        return changeset.script().file().path().toAbsolutePath().toString();
    }

    @Override
    public MigrationExecutor getExecutor() {
        return this;
    }

    @Override
    public boolean checksumMatches(Integer checksum) {
        return Objects.equals(checksum, getChecksum());
    }

    @Override
    public boolean checksumMatchesWithoutBeingIdentical(Integer checksum) {
        return false;
    }

    @Override
    public boolean shouldExecute() {
        return true;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return changeset.flywayDescription();
    }

    /**
     * The checksum Flyway computes for an SQL migration: CRC32 over the UTF-8 bytes of each line without its line
     * break. An edited changeset no longer matches what the history table recorded; a repeatable one runs again.
     */
    @Override
    public Integer getChecksum() {
        return checksum;
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
    public List<Results> execute(Context context) throws SQLException {
        apply(changeset, runners.on(context.getConnection()), context.getConnection());
        return List.of();
    }

    /**
     * Runs the changeset's statements on the runner's connection; the first that fails is a finding already, then
     * {@link Failed} is thrown.
     */
    static void apply(Changeset changeset, StatementRunner runner, Connection connection) throws SQLException {
        // Flyway runs a changeset that cannot run in a transaction with auto-commit: each statement stays applied.
        boolean outsideTransaction = connection.getAutoCommit() && runner.failureCheck() == DatabaseCheck.DEPLOY_ERROR;
        List<String> ran = new ArrayList<>();
        for (ParsedStatement statement : changeset.script().statements()) {
            String before = outsideTransaction ? whatStaysApplied(changeset, ran) : "";
            if (!runner.run(statement, runner.failureCheck(), before)) {
                throw new Failed(changeset, outsideTransaction && !ran.isEmpty());
            }
            ran.add("line " + statement.statement().position().line());
        }
    }

    /** Said of a deploy that failed part way outside a transaction: what stays, and how to recover. */
    private static String whatStaysApplied(Changeset changeset, List<String> ran) {
        return changeset.flywayScript() + " ran outside a transaction, so the statements before this one stay "
                + "applied: " + (ran.isEmpty() ? "none" : String.join(", ", ran)) + ". The history records it as "
                + "failed: "
                + "undo or finish those statements by hand, fix this one, then run redshift:repair for this "
                + "environment (it deletes the failed history row) and migrate again. ";
    }
}
