package io.github.rsevolve.core.migrate;

import static io.github.rsevolve.core.finding.RedshiftException.Code.MIGRATE;

import io.github.rsevolve.core.db.ExternalServer;
import io.github.rsevolve.core.execute.ChangesetFlyway;
import io.github.rsevolve.core.execute.ChangesetMigration;
import io.github.rsevolve.core.execute.SqlCallback;
import io.github.rsevolve.core.execute.StandIn;
import io.github.rsevolve.core.execute.StatementRunner;
import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintResult;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.Transactions;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.sql.SqlText;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import io.github.rsevolve.core.translate.Translation;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /** The columns of a row Flyway writes into its history table, in the order the plugin writes them too. */
    private static final String HISTORY_COLUMNS = " (installed_rank, version, description, type, script, checksum, "
            + "installed_by, execution_time, success)";

    private final Environment environment;
    private final Project project;
    private final FlywayOptions options;
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

    public Migrator(Environment environment, Project project) {
        this(environment, project, FlywayOptions.DEFAULTS);
    }

    public Migrator(Environment environment, Project project, FlywayOptions options) {
        this.environment = environment;
        this.project = project;
        this.options = options;
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
        refuseLegacyHistory();
        Flyway flyway = flyway();
        Set<String> pending = pendingScripts(flyway);
        LintResult lint = Linter.check(project, lintSettings);
        List<Finding> pendingFindings = lint.findings().stream()
                .filter(f -> pending.stream().anyMatch(script -> f.file().endsWith("/" + script))).toList();
        findings.addAll(pendingFindings);
        if (pendingFindings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return List.copyOf(findings);
        }
        boolean hadHistory = withConnection("read the history table", connection -> historyTable(connection) != null);
        boolean prepared = prepare();
        Flyway withProgress = flyway(new Progress(pending.size(), outsideTransaction(), progress));
        try {
            withProgress.migrate();
        } catch (FlywayException e) {
            ChangesetMigration.Failed failed = ChangesetMigration.Failed.in(e);
            if (failed != null && failed.partlyApplied()) {
                recordFailed(failed.changeset());
            } else if (!hadHistory) {
                leaveAsItWas(prepared);
            }
            if (failed == null) {
                throw new RedshiftException(MIGRATE, flywayMessage(e), e);
            }
        }
        return List.copyOf(findings);
    }

    /** The changesets Redshift must run outside a transaction, by script: the first statement that needs it. */
    private Map<String, String> outsideTransaction() {
        Map<String, String> reasons = new HashMap<>();
        for (Changeset changeset : project.changesets()) {
            for (ParsedStatement statement : changeset.script().statements()) {
                String kind = Transactions.nonTransactional(statement);
                if (kind != null) {
                    reasons.put(changeset.flywayScript(), kind + " at line " + statement.statement().position().line());
                    break;
                }
            }
        }
        return reasons;
    }

    /** A value as the environment's engine reads a string literal. */
    private String literal(String value) {
        return environment.isPostgres() ? SqlText.literal(value) : SqlText.redshiftLiteral(value);
    }

    /**
     * The SQL a migrate would run, in order, changing nothing: the changesets and the history rows Flyway would
     * write for them (execution_time is what the real run measures).
     */
    public String dryRun() {
        checkConnection();
        StringBuilder sql = new StringBuilder("-- redshift:migrate dry run for environment ")
                .append(environment.name()).append(": what would run, in order.\n");
        Flyway flyway = flyway();
        Set<String> pending = pendingScripts(flyway);
        int rank = Arrays.stream(flyway.info().applied()).mapToInt(MigrationInfo::getInstalledRank).max().orElse(0);
        for (Changeset changeset : project.changesets()) {
            String script = changeset.flywayScript();
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
            sql.append("INSERT INTO ").append(environment.historyTable()).append(HISTORY_COLUMNS).append(" VALUES (")
                    .append(rank).append(", ")
                    .append(literal(changeset.flywayVersion()))
                    .append(", ").append(literal(changeset.flywayDescription()))
                    .append(", 'SQL', ").append(literal(script)).append(", ")
                    .append(ChangesetMigration.checksum(changeset)).append(", current_user, 0, true);\n");
        }
        if (pending.isEmpty()) {
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

    /** Work on a connection to the environment; its SQLException becomes a located message. */
    public interface ConnectionWork<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs the work on a new connection to the environment.
     *
     * @param doing what the work does, for the message if it fails: "read the catalog"
     */
    public <T> T withConnection(String doing, ConnectionWork<T> work) {
        try (Connection connection = connect()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new RedshiftException(MIGRATE, "Cannot " + doing + " of environment " + environment.name() + ": "
                    + e.getMessage().replaceAll("\\s+", " "), e);
        }
    }

    public Project project() {
        return project;
    }

    public Environment environment() {
        return environment;
    }

    public void baseline(String version) {
        checkConnection();
        try {
            Flyway.configure(Migrator.class.getClassLoader()).configuration(flyway().getConfiguration())
                    .baselineVersion(version).load().baseline();
        } catch (FlywayException e) {
            throw new RedshiftException(MIGRATE, flywayMessage(e), e);
        }
    }

    /**
     * Flyway's repair (failed rows removed; checksums, descriptions and types realigned), after rewriting the rows
     * the plugin's earlier releases wrote as Java migrations (type JDBC, the plugin's class as script) as the SQL
     * rows Flyway writes for the same files.
     *
     * @return how many such rows were rewritten
     */
    public int repair() {
        checkConnection();
        int upgraded = withConnection("upgrade the history table " + environment.historyTable(),
                this::upgradeLegacyRows);
        try {
            flyway().repair();
        } catch (FlywayException e) {
            throw new RedshiftException(MIGRATE, flywayMessage(e), e);
        }
        return upgraded;
    }

    private int upgradeLegacyRows(Connection connection) throws SQLException {
        String table = historyTable(connection);
        if (table == null) {
            return 0;
        }
        int upgraded = 0;
        connection.setAutoCommit(false);
        try (PreparedStatement versioned = connection.prepareStatement("UPDATE " + table + " SET type = 'SQL', "
                + "script = ? WHERE script = ? AND version = ?");
             PreparedStatement repeatable = connection.prepareStatement("UPDATE " + table + " SET type = 'SQL', "
                     + "script = ? WHERE script = ? AND version IS NULL AND description = ?")) {
            for (Changeset changeset : project.changesets()) {
                if (!changeset.isWellNamed()) {
                    continue;
                }
                PreparedStatement update = changeset.isVersioned() ? versioned : repeatable;
                update.setString(1, changeset.flywayScript());
                update.setString(2, ChangesetMigration.LEGACY_SCRIPT);
                update.setString(3, changeset.isVersioned() ? changeset.flywayVersion()
                        : changeset.flywayDescription());
                upgraded += update.executeUpdate();
            }
            connection.commit();
        }
        return upgraded;
    }

    /** How many rows of the history were written by the plugin's earlier releases (see {@link #repair()}). */
    private int legacyRows(Connection connection) throws SQLException {
        String table = historyTable(connection);
        if (table == null) {
            return 0;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + table
                + " WHERE script = ?")) {
            query.setString(1, ChangesetMigration.LEGACY_SCRIPT);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** The history table, quoted and qualified by Flyway's schema for it, or null while it does not exist. */
    private String historyTable(Connection connection) throws SQLException {
        String schemaOf = environment.schemas().isEmpty() ? "current_schema()" : "?";
        try (PreparedStatement query = connection.prepareStatement("SELECT table_schema FROM "
                + "information_schema.tables WHERE table_name = ? AND table_schema = " + schemaOf)) {
            query.setString(1, environment.historyTable());
            if (!environment.schemas().isEmpty()) {
                query.setString(2, environment.schemas().get(0));
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? SqlText.identifier(result.getString(1)) + "."
                        + SqlText.identifier(environment.historyTable()) : null;
            }
        }
    }

    private boolean translates() {
        return environment.translate() && environment.isPostgres();
    }

    /** Flyway for the environment, with the options, the SQL callbacks beside the changesets, and these. */
    private Flyway flyway(Callback... callbacks) {
        Function<Connection, StatementRunner> runners = connection -> new StatementRunner(connection,
                translates(), environment.statementTimeoutSeconds(), findings, false,
                DatabaseCheck.DEPLOY_ERROR, environment.placeholders());
        List<Callback> all = new ArrayList<>(Arrays.asList(callbacks));
        project.changesets().forEach(file -> SqlCallback.of(file, runners).ifPresent(all::add));
        return options.applyTo(ChangesetFlyway.configuration(environment.url(), environment.user(),
                environment.password(), environment.historyTable(), environment.schemas(), project.changesets(),
                runners, false, all.toArray(Callback[]::new)))
                .jdbcProperties(ExternalServer.timeouts(environment.connectTimeoutSeconds()))
                .load();
    }

    private static Set<String> pendingScripts(Flyway flyway) {
        try {
            return Arrays.stream(flyway.info().pending()).map(MigrationInfo::getScript).collect(Collectors.toSet());
        } catch (FlywayException e) {
            throw new RedshiftException(MIGRATE, flywayMessage(e), e);
        }
    }

    private List<ChangesetState> states(MigrationInfo[] infos) {
        List<ChangesetState> states = new ArrayList<>();
        for (MigrationInfo info : infos) {
            states.add(new ChangesetState(info.getVersion() == null ? null : info.getVersion().getVersion(),
                    info.getDescription(), info.getScript(), info.getState(),
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant().toString(),
                    info.getExecutionTime()));
        }
        return states;
    }

    /**
     * A PostgreSQL stand-in needs the translator's bookkeeping and compatibility functions once.
     *
     * @return whether this run made them
     */
    private boolean prepare() {
        if (!translates()) {
            return false;
        }
        try (Connection connection = connect()) {
            return StandIn.prepareEnvironment(connection);
        } catch (SQLException e) {
            throw new RedshiftException(MIGRATE, "Cannot prepare " + ExternalServer.masked(environment.url())
                    + " as a stand-in for Redshift: " + e.getMessage(), e);
        }
    }

    /**
     * After a first deploy that applied nothing, removes what the run made before the first changeset: Flyway's
     * history table (and the schemas Flyway created for it), and the stand-in's schemas if this run made them.
     */
    private void leaveAsItWas(boolean prepared) {
        withConnection("remove the history table this deploy created", connection -> {
            String table = historyTable(connection);
            List<String> drops = new ArrayList<>();
            if (table != null) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT type, script FROM " + table)) {
                    while (rows.next()) {
                        if (!"SCHEMA".equals(rows.getString(1))) {
                            return null;
                        }
                        // Flyway's schema-creation row names the schemas it created, quoted and comma-separated.
                        Arrays.stream(rows.getString(2).split(",")).map(String::trim)
                                .forEach(schema -> drops.add("DROP SCHEMA IF EXISTS " + schema));
                    }
                }
                drops.add(0, "DROP TABLE " + table);
            }
            if (prepared) {
                drops.addAll(RedshiftToPostgresTranslator.tearDown());
            }
            try (Statement statement = connection.createStatement()) {
                for (String drop : drops) {
                    statement.execute(drop);
                }
            }
            return null;
        });
    }

    /** Flyway cannot match rows of the plugin's earlier releases to its SQL migrations: repair rewrites them. */
    private void refuseLegacyHistory() {
        int legacy = withConnection("read the history table " + environment.historyTable(), this::legacyRows);
        if (legacy > 0) {
            throw new RedshiftException(MIGRATE, "The history table " + environment.historyTable() + " of environment "
                    + environment.name() + " has " + legacy + " row(s) written by an earlier release of this plugin "
                    + "(type JDBC, script " + ChangesetMigration.LEGACY_SCRIPT + "), which Flyway no longer "
                    + "matches to the changesets. Run redshift:repair for this environment once: it rewrites them "
                    + "as the SQL rows Flyway writes for the same files. Nothing was applied.");
        }
    }

    /** Fails fast, with a bounded timeout and what to check, when the environment cannot be reached. */
    private void checkConnection() {
        try (Connection connection = connect()) {
            connection.isValid(environment.connectTimeoutSeconds());
            checkHistoryFormat(connection);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            // Without a password the driver refuses before the server does, with a state of its own.
            boolean refusedLogin = state.startsWith("28") || (environment.password() == null
                    || environment.password().isEmpty()) && String.valueOf(e.getMessage()).contains("password");
            String hint = refusedLogin ? loginHint()
                    : timedOut(e) ? "The server did not answer within " + environment.connectTimeoutSeconds()
                    + " s (redshift.connectTimeout): it may be busy or behind a firewall that drops packets; raise "
                    + "redshift.connectTimeout if it is just slow."
                    : "Check redshift.url of environment " + environment.name() + ", and that the host accepts "
                    + "connections.";
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (environment.password() != null && !environment.password().isEmpty()) {
                message = message.replace(environment.password(), "****");
            }
            throw new RedshiftException(MIGRATE, "Cannot connect to " + ExternalServer.masked(environment.url())
                    + " as "
                    + environment.user() + ": " + message.replaceAll("\\s+", " ") + " " + hint);
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (cause instanceof SocketTimeoutException || message.contains("timed out")
                    || message.contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private String loginHint() {
        if (environment.password() == null || environment.password().isEmpty()) {
            return "No password was given for environment " + environment.name() + ": name a settings.xml server "
                    + "with redshift.serverId, set redshift.password (e.g. <redshift.password>${env.DB_PASSWORD}"
                    + "</redshift.password> in its profile) or the REDSHIFT_PASSWORD environment variable, or "
                    + "connect with IAM (jdbc:redshift:iam://...), which needs none.";
        }
        return "Check redshift.user and the password (the settings.xml server named by redshift.serverId, "
                + "redshift.password or REDSHIFT_PASSWORD) of environment " + environment.name() + ".";
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
                    throw new RedshiftException(MIGRATE, "The history table " + environment.historyTable()
                            + " of environment "
                            + environment.name() + " was written by Flyway 3 or 4 (it has a version_rank column), "
                            + "which this plugin's Flyway cannot read. Upgrade it first by running Flyway 5 to 9's "
                            + "migrate or repair on it once, as Flyway's upgrade notes describe; nothing was changed.");
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        return ExternalServer.connect(environment.url(), environment.user(), environment.password(),
                environment.connectTimeoutSeconds());
    }


    /**
     * Records a changeset that failed part way outside a transaction as Flyway records a failed migration, which
     * Flyway itself does only on engines without transactional DDL: until redshift:repair removes the row, every
     * migrate stops at it instead of running the changeset again over what stayed applied.
     */
    private void recordFailed(Changeset changeset) {
        try (Connection connection = connect()) {
            String table = historyTable(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + HISTORY_COLUMNS
                    + " SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, 'SQL', ?, ?, current_user, 0, false FROM "
                    + table)) {
                insert.setString(1, changeset.flywayVersion());
                insert.setString(2, changeset.flywayDescription());
                insert.setString(3, changeset.flywayScript());
                insert.setInt(4, ChangesetMigration.checksum(changeset));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new RedshiftException(MIGRATE, changeset.flywayScript()
                    + " failed part way outside a transaction, and its "
                    + "failed history row could not be written (" + e.getMessage().replaceAll("\\s+", " ")
                    + "): the environment holds what ran before the failing statement; see the finding.", e);
        }
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
        private final Map<String, String> outsideTransaction;
        private final Consumer<String> sink;
        private int done;
        private long started;
        private String committing;

        /** @param outsideTransaction the changesets that run outside a transaction, said before each runs */
        Progress(int total, Map<String, String> outsideTransaction, Consumer<String> sink) {
            this.total = total;
            this.outsideTransaction = outsideTransaction;
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
                    String script = context.getMigrationInfo().getScript();
                    if (outsideTransaction.containsKey(script)) {
                        sink.accept(script + " runs outside a transaction (" + outsideTransaction.get(script)
                                + "): a failure part way leaves what ran applied.");
                    }
                    started = System.nanoTime();
                }
                case AFTER_EACH_MIGRATE -> committing = line(context, "");
                case AFTER_EACH_MIGRATE_ERROR -> sink.accept(line(context, " FAILED"));
                default -> flush();
            }
        }

        private String line(Context context, String outcome) {
            done++;
            return String.format("[%d/%d] %s ... %.1f s%s", done, total, context.getMigrationInfo().getScript(),
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
