package io.github.rsevolve.core.migrate;

import io.github.rsevolve.core.db.ExternalServer;
import io.github.rsevolve.core.lint.Changeset;
import io.github.rsevolve.core.lint.Finding;
import io.github.rsevolve.core.lint.LintProject;
import io.github.rsevolve.core.lint.LintResult;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.lint.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.sql.SqlText;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import io.github.rsevolve.core.translate.Translation;
import io.github.rsevolve.core.validate.ChangesetFlyway;
import io.github.rsevolve.core.validate.ChangesetMigration;
import io.github.rsevolve.core.validate.StatementRunner;
import io.github.rsevolve.core.validate.ValidateCheck;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Deploys the changesets to an environment with Flyway (migrate, info, baseline, repair), through the same engine
 * validate builds its throwaway database B with.
 */
public final class Migrator {

    private final Environment environment;
    private final LintProject project;
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

    public Migrator(Environment environment, LintProject project) {
        this.environment = environment;
        this.project = project;
    }

    /** The changesets' states in the environment, in Flyway's order. */
    public List<ChangesetState> info() {
        checkConnection();
        return states(flyway().info().all());
    }

    /**
     * Lints the pending changesets (an error stops the deploy before anything runs), then applies them.
     *
     * @param progress told "[3/12] V7__x.sql ... 2.4 s" as each changeset finishes
     * @return the findings of lint on the pending changesets and of the deploy
     */
    public List<Finding> migrate(LintSettings lintSettings, Consumer<String> progress) {
        checkConnection();
        Flyway flyway = flyway();
        Set<String> pending = pendingScripts(flyway);
        LintResult lint = Linter.check(project, lintSettings);
        List<Finding> pendingFindings = lint.findings().stream()
                .filter(f -> pending.stream().anyMatch(script -> f.file().endsWith("/" + script))).toList();
        findings.addAll(pendingFindings);
        if (pendingFindings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return List.copyOf(findings);
        }
        prepare();
        Flyway withProgress = flyway(new Progress(pending.size(), progress));
        try {
            withProgress.migrate();
        } catch (FlywayException e) {
            if (!failedChangeset(e)) {
                throw new MigrateException(flywayMessage(e));
            }
        }
        return List.copyOf(findings);
    }

    /** A value as the environment's engine reads a string literal. */
    private String literal(String value) {
        return environment.isPostgres() ? SqlText.literal(value) : SqlText.redshiftLiteral(value);
    }

    /** The SQL a migrate would run, in order, changing nothing: the changesets and the history rows. */
    public String dryRun() {
        checkConnection();
        StringBuilder sql = new StringBuilder("-- redshift:migrate dry run for environment ")
                .append(environment.name()).append(": what would run, in order.\n");
        Set<String> pending = pendingScripts(flyway());
        int rank = 0;
        for (Changeset changeset : project.changesets()) {
            String script = changeset.script().file().path().getFileName().toString();
            if (!pending.contains(script)) {
                continue;
            }
            rank++;
            sql.append("\n-- ").append(script).append('\n');
            for (ParsedStatement statement : changeset.script().statements()) {
                for (String one : statementsFor(statement)) {
                    sql.append(one).append(";\n");
                }
            }
            sql.append("INSERT INTO ").append(environment.historyTable()).append(" (version, description, type, "
                    + "script, checksum, installed_by, success) VALUES (")
                    .append(literal(changeset.version() == null ? null : changeset.version().replace('_', '.')))
                    .append(", ").append(literal(changeset.description().replace('_', ' ')))
                    .append(", 'JDBC', ").append(literal(script)).append(", ")
                    .append(ChangesetMigration.checksum(changeset)).append(", current_user, "
                            + "true);\n");
        }
        if (rank == 0) {
            sql.append("\n-- Nothing to do: the environment is up to date.\n");
        }
        return sql.toString();
    }

    private List<String> statementsFor(ParsedStatement statement) {
        if (!translates()) {
            return List.of(statement.statement().text());
        }
        Translation translation = RedshiftToPostgresTranslator.translate(statement);
        return translation.isSkipped() ? List.of("-- not run on PostgreSQL: " + translation.skipped())
                : translation.sql();
    }

    /** Drift between the environment and the absolute model, built in a throwaway database of the settings. */
    public List<Finding> drift(ValidateSettings throwaway) {
        return withConnection(connection -> Validator.driftAgainst(throwaway, project, connection,
                environment.historyTable()));
    }

    /** The absolute model's catalog, built in a throwaway database of the settings, and the environment's. */
    public Validator.Catalogs catalogs(ValidateSettings throwaway) {
        return withConnection(connection -> Validator.catalogsAgainst(throwaway, project, connection,
                environment.historyTable()));
    }

    private interface CatalogWork<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T withConnection(CatalogWork<T> work) {
        try (Connection connection = connect()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new MigrateException("Cannot read the catalog of environment " + environment.name() + ": "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    public void baseline(String version) {
        checkConnection();
        try {
            Flyway.configure(Migrator.class.getClassLoader()).configuration(flyway().getConfiguration())
                    .baselineVersion(version).load().baseline();
        } catch (FlywayException e) {
            throw new MigrateException(flywayMessage(e));
        }
    }

    public void repair() {
        checkConnection();
        try {
            flyway().repair();
        } catch (FlywayException e) {
            throw new MigrateException(flywayMessage(e));
        }
    }

    private boolean translates() {
        return environment.translate() && environment.isPostgres();
    }

    private Flyway flyway(Callback... callbacks) {
        return ChangesetFlyway.configure(environment.url(), environment.user(), environment.password(),
                environment.historyTable(), environment.schemas(), project.changesets(),
                connection -> new StatementRunner(connection,
                        translates(), environment.statementTimeoutSeconds(), findings, false,
                        ValidateCheck.DEPLOY_ERROR, environment.placeholders()), false, callbacks);
    }

    private static Set<String> pendingScripts(Flyway flyway) {
        try {
            return Arrays.stream(flyway.info().pending()).map(Migrator::scriptOf).collect(Collectors.toSet());
        } catch (FlywayException e) {
            throw new MigrateException(flywayMessage(e));
        }
    }

    /** Flyway names a Java migration by its class; the changeset's file name is in its description. */
    private static String scriptOf(MigrationInfo info) {
        return (info.getVersion() == null ? "R" : "V" + info.getVersion()) + "__"
                + info.getDescription().replace(' ', '_') + ".sql";
    }

    private List<ChangesetState> states(MigrationInfo[] infos) {
        List<ChangesetState> states = new ArrayList<>();
        for (MigrationInfo info : infos) {
            states.add(new ChangesetState(info.getVersion() == null ? null : info.getVersion().getVersion(),
                    info.getDescription(), scriptOf(info), info.getState().name(),
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant().toString(),
                    info.getExecutionTime()));
        }
        return states;
    }

    /** A PostgreSQL stand-in needs the translator's bookkeeping and compatibility functions once. */
    private void prepare() {
        if (!translates()) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // Several deploys may start at once: one prepares, the others wait for it and find it done.
            connection.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('redshift-maven-plugin prepare'))");
            try (ResultSet schema = statement.executeQuery(
                    "SELECT 1 FROM pg_namespace WHERE nspname = '" + RedshiftToPostgresTranslator.COMPAT_SCHEMA + "'")) {
                if (schema.next()) {
                    connection.rollback();
                    return;
                }
            }
            for (String sql : RedshiftToPostgresTranslator.setUp()) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new MigrateException("Cannot prepare " + ExternalServer.masked(environment.url())
                    + " as a stand-in for Redshift: " + e.getMessage());
        }
    }

    /** Fails fast, with a bounded timeout and what to check, when the environment cannot be reached. */
    private void checkConnection() {
        try (Connection connection = connect()) {
            connection.isValid(ExternalServer.CONNECT_TIMEOUT_SECONDS);
            checkHistoryFormat(connection);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String hint = state.startsWith("28") ? "Check redshift.user and the password (the settings.xml server "
                    + "named by redshift.serverId) of environment " + environment.name() + "."
                    : "Check redshift.url of environment " + environment.name() + ", and that the host accepts "
                    + "connections.";
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (environment.password() != null && !environment.password().isEmpty()) {
                message = message.replace(environment.password(), "****");
            }
            throw new MigrateException("Cannot connect to " + ExternalServer.masked(environment.url()) + " as "
                    + environment.user() + ": " + message.replaceAll("\\s+", " ") + " " + hint);
        }
    }

    /**
     * A history table written by Flyway 3 or 4 has a version_rank column, which Flyway 5 and later no longer
     * read: say so before Flyway fails on it, and change nothing.
     */
    private void checkHistoryFormat(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM information_schema.columns "
                + "WHERE lower(table_name) = lower(?) AND column_name = 'version_rank'")) {
            query.setString(1, environment.historyTable());
            try (ResultSet result = query.executeQuery()) {
                if (result.next()) {
                    throw new MigrateException("The history table " + environment.historyTable() + " of environment "
                            + environment.name() + " was written by Flyway 3 or 4 (it has a version_rank column), "
                            + "which this plugin's Flyway cannot read. Upgrade it first by running Flyway 5 to 9's "
                            + "migrate or repair on it once, as Flyway's upgrade notes describe; nothing was changed.");
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        return ExternalServer.connect(environment.url(), environment.user(), environment.password());
    }

    private static boolean failedChangeset(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ChangesetMigration.Failed) {
                return true;
            }
        }
        return false;
    }

    /** Flyway's own message on one line; for a checksum mismatch, what to do about it. */
    private static String flywayMessage(FlywayException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
        if (message.contains("checksum mismatch")) {
            return message + " A changeset was edited after it was applied: revert the edit and put the change in "
                    + "a new changeset, or, if the edit only changes comments or layout, run redshift:repair for "
                    + "this environment.";
        }
        return message;
    }

    /**
     * Logs "[3/12] V7__x.sql ... 2.4 s" for each changeset once it is committed: Flyway's after-each event runs
     * inside the changeset's transaction, so its line waits for the next changeset to start or the migrate to end
     * (a kill in between must not leave a "done" line for a changeset the environment does not have). A failure is
     * logged at once.
     */
    private static final class Progress implements Callback {
        private final int total;
        private final Consumer<String> sink;
        private int done;
        private long started;
        private String committing;

        Progress(int total, Consumer<String> sink) {
            this.total = total;
            this.sink = sink;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE_ERROR || event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            switch (event) {
                case BEFORE_EACH_MIGRATE -> {
                    flush();
                    started = System.nanoTime();
                }
                case AFTER_EACH_MIGRATE -> committing = line(context, "");
                case AFTER_EACH_MIGRATE_ERROR -> sink.accept(line(context, " FAILED"));
                default -> flush();
            }
        }

        private String line(Context context, String outcome) {
            done++;
            return String.format("[%d/%d] %s ... %.1f s%s", done, total, scriptOf(context.getMigrationInfo()),
                    (System.nanoTime() - started) / 1e9, outcome);
        }

        private void flush() {
            if (committing != null) {
                sink.accept(committing);
                committing = null;
            }
        }

        @Override
        public String getCallbackName() {
            return "redshift-progress";
        }
    }
}
