package io.github.rsevolve.core.validate;

import static io.github.rsevolve.core.finding.RedshiftException.Code.VALIDATE;

import io.github.rsevolve.core.catalog.CatalogDiffer.Drift;
import io.github.rsevolve.core.catalog.CatalogDiffer;
import io.github.rsevolve.core.catalog.CatalogReader;
import io.github.rsevolve.core.catalog.CatalogSnapshot;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ExternalServer;
import io.github.rsevolve.core.db.Interruption;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.db.ThrowawayServer;
import io.github.rsevolve.core.execute.ChangesetFlyway;
import io.github.rsevolve.core.execute.ChangesetMigration;
import io.github.rsevolve.core.execute.DatabaseMessages;
import io.github.rsevolve.core.execute.StandIn;
import io.github.rsevolve.core.execute.StatementRunner;
import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintResult;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Lint, then two throwaway databases: A built from the absolute model in dependency order, B from the changesets
 * through Flyway; then their catalogs compared, and the ETL queries checked against B.
 */
public final class Validator {

    /** The builds' names in {@link ValidateResult#checkMillis()}. */
    public static final String BUILD_A = "build A: absolute model";
    public static final String BUILD_B = "build B: changesets";

    private final ValidateSettings settings;
    /** Written by both builds at once. */
    private final List<Finding> checks = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> phases = new LinkedHashMap<>();
    /** Written by both builds at once, then by the ETL checks. */
    private final Map<String, Long> checkMillis = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> kept = new ArrayList<>();
    private long phaseStart = System.nanoTime();
    /** The throwaway databases are on a Redshift cluster: the SQL runs there as it is written. */
    private volatile boolean onRedshift;

    private Validator(ValidateSettings settings) {
        this.settings = settings;
    }

    public static ValidateResult run(ValidateSettings settings) {
        return new Validator(settings).run();
    }

    /**
     * The catalogs diff compares: the absolute model's build and the changesets' build, both on throwaway databases.
     * When a build fails, the catalogs are null and the problems say why.
     *
     * @param problems the builds' errors, located at their statements
     */
    public record Catalogs(CatalogSnapshot model, CatalogSnapshot current, List<Finding> problems) {
    }

    /** The absolute model's and the changesets' catalogs, from two throwaway databases built at once. */
    public static Catalogs catalogs(ValidateSettings settings, Project project) {
        Validator validator = new Validator(settings);
        ThrowawayServer server = validator.server();
        try (ThrowawayDatabase model = validator.create(server); ThrowawayDatabase changes = validator.create(server)) {
            CatalogSnapshot modelCatalog = validator.buildBoth(model, changes, project, true);
            List<Finding> problems = validator.errorFindings();
            if (!problems.isEmpty()) {
                return new Catalogs(null, null, problems);
            }
            return new Catalogs(modelCatalog, validator.catalog(changes), List.of());
        } catch (SQLException e) {
            throw new RedshiftException(VALIDATE, "The throwaway server failed outside the project's SQL: "
                    + DatabaseMessages.of(e), e);
        }
    }

    /**
     * The absolute model's catalog (built in a throwaway database) and a live environment's. A Redshift cluster keeps
     * its attributes in its own system views, so the model's catalog is put in the cluster's terms; a PostgreSQL
     * environment without the translator's bookkeeping is compared on what both catalogs have.
     */
    public static Catalogs catalogsAgainst(ValidateSettings settings, Project project, Connection environment,
                                           String historyTable) {
        Validator validator = new Validator(settings);
        ThrowawayServer server = validator.server();
        try (ThrowawayDatabase model = validator.create(server)) {
            validator.buildModel(model, project);
            List<Finding> problems = validator.errorFindings();
            if (!problems.isEmpty()) {
                return new Catalogs(null, null, problems);
            }
            boolean cluster = CatalogReader.isRedshift(environment);
            boolean attributes = cluster || CatalogReader.hasBookkeeping(environment);
            try (Connection connection = model.connect()) {
                CatalogSnapshot modelCatalog = CatalogReader.read(connection, historyTable, attributes);
                if (cluster) {
                    modelCatalog = CatalogReader.asOnCluster(modelCatalog);
                }
                CatalogSnapshot environmentCatalog = CatalogReader.read(environment, historyTable, attributes);
                return new Catalogs(modelCatalog, CatalogReader.reprinted(environmentCatalog, modelCatalog,
                        connection), List.of());
            }
        } catch (SQLException e) {
            throw new RedshiftException(VALIDATE, "Cannot compare the environment with the absolute model: "
                    + DatabaseMessages.of(e), e);
        }
    }

    /** The absolute model's catalog, built in a throwaway database, and the migrator's environment's. */
    public static Catalogs catalogsAgainst(ValidateSettings settings, Migrator environment) {
        return environment.withConnection("read the catalog", connection -> catalogsAgainst(settings,
                environment.project(), connection, environment.environment().historyTable()));
    }

    /** Drift between the migrator's environment and the absolute model, built in a throwaway database. */
    public static List<Finding> driftAgainst(ValidateSettings settings, Migrator environment) {
        return environment.withConnection("read the catalog", connection -> driftAgainst(settings,
                environment.project(), connection, environment.environment().historyTable(),
                "environment " + environment.environment().name()));
    }

    /**
     * Drift between the absolute model (built in a throwaway database) and a live environment's catalog, located
     * like validate's; for migrate's verification and info's summary.
     */
    public static List<Finding> driftAgainst(ValidateSettings settings, Project project, Connection environment,
                                             String historyTable) {
        return driftAgainst(settings, project, environment, historyTable, "the environment");
    }

    /** @param named how the messages name the environment: "environment qa" */
    private static List<Finding> driftAgainst(ValidateSettings settings, Project project, Connection environment,
                                              String historyTable, String named) {
        Catalogs catalogs = catalogsAgainst(settings, project, environment, historyTable);
        if (!catalogs.problems().isEmpty()) {
            return catalogs.problems();
        }
        return new DriftReport(project, named).findings(CatalogDiffer.diff(catalogs.model(), catalogs.current()));
    }

    private void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, (now - phaseStart) / 1_000_000);
        phaseStart = now;
    }

    private ValidateResult run() {
        // The server and both databases are made while the project is read and parsed: neither needs the other.
        CompletableFuture<ThrowawayServer> server = CompletableFuture.supplyAsync(this::server);
        CompletableFuture<ThrowawayDatabase> modelDatabase = server.thenApplyAsync(this::create,
                onItsOwnThread("validate-create-a"));
        CompletableFuture<ThrowawayDatabase> changesDatabase = server.thenApplyAsync(this::create,
                onItsOwnThread("validate-create-b"));
        Project project = ProjectLoader.load(settings.lint().project());
        phase("read and parse");
        // The rules run beside the builds, which wait on the server most of the time: both only read the parsed
        // project. The database checks run whatever lint finds: a lint error must not hide what only they can see.
        CompletableFuture<LintResult> lint = CompletableFuture.supplyAsync(Linter.checker(project, settings.lint()),
                onItsOwnThread("validate-lint"));
        List<Drift> drift = List.of();
        try {
            ThrowawayDatabase model = await(modelDatabase);
            ThrowawayDatabase changes = await(changesDatabase);
            phase("server and databases");
            drift = checkWithDatabases(project, model, changes);
        } catch (SQLException e) {
            throw new RedshiftException(VALIDATE, "The throwaway server failed outside the project's SQL: "
                    + DatabaseMessages.of(e), e);
        } finally {
            closeQuietly(modelDatabase);
            closeQuietly(changesDatabase);
        }
        LintResult linted = await(lint);
        dropRepeatsOf(linted);
        return result(linted, drift, project.etl().stream().map(s -> s.file().displayPath()).toList());
    }

    private List<Drift> checkWithDatabases(Project project, ThrowawayDatabase model, ThrowawayDatabase changes)
            throws SQLException {
        long before = errors();
        // A project with only a model, or only changesets, has nothing to compare: its ETL is checked against the
        // build it has.
        boolean hasModel = !project.absolute().isEmpty();
        boolean hasChangesets = project.changesets().stream().anyMatch(Changeset::isWellNamed);
        CatalogSnapshot modelCatalog = buildBoth(model, changes, project, hasModel && hasChangesets);
        phase("builds A (absolute model) and B (changesets), lint beside them");
        if (errors() > before) {
            return List.of();
        }
        List<Drift> drift = List.of();
        if (modelCatalog != null) {
            drift = CatalogDiffer.diff(modelCatalog, catalog(changes));
        }
        checks.addAll(new DriftReport(project, null).findings(drift));
        phase("drift");
        try (RedshiftParser parser = new RedshiftParser(settings.lint().parseTimeoutMillis());
             Connection connection = hasChangesets || !hasModel ? changes.connect() : model.connect()) {
            checkMillis.putAll(new EtlChecker(connection, runner(connection, true, project.externalSchemas()), parser,
                    !onRedshift)
                    .check(project.etl()));
        }
        phase("ETL checks");
        if (settings.keepThrowaway()) {
            kept.add("A (absolute model): " + model.server().howToConnect(model.name()));
            kept.add("B (changesets): " + changes.server().howToConnect(changes.name()));
        }
        return drift;
    }

    /** The value of a future, with a failure of the server or database set-up rethrown as it was. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Drops the database once it exists; a failed creation has nothing to drop. */
    private static void closeQuietly(CompletableFuture<ThrowawayDatabase> database) {
        database.thenAccept(created -> {
            try {
                created.close();
            } catch (SQLException e) {
                // Dropping a throwaway database is best effort; the shutdown hook tries again.
            }
        }).exceptionally(failure -> null).join();
    }

    /**
     * A statement lint already reports as an error is reported once: the database's rejection of the same statement
     * says the same thing less precisely.
     */
    private void dropRepeatsOf(LintResult lint) {
        Set<String> linted = lint.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.file() + ":" + f.line()).collect(Collectors.toSet());
        checks.removeIf(f -> f.severity() == Severity.ERROR && linted.contains(f.file() + ":" + f.line()));
    }

    private ValidateResult result(LintResult lint, List<Drift> drift, List<String> etlFiles) {
        Map<String, Long> timed = new LinkedHashMap<>();
        for (String check : List.of(BUILD_A, BUILD_B)) {
            if (checkMillis.containsKey(check)) {
                timed.put(check, checkMillis.get(check));
            }
        }
        checkMillis.forEach(timed::putIfAbsent);
        return new ValidateResult(lint, List.copyOf(checks), drift, new LinkedHashMap<>(phases), List.copyOf(kept),
                timed, etlFiles);
    }

    private long errors() {
        return errorFindings().size();
    }

    private List<Finding> errorFindings() {
        return checks.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    private ThrowawayServer server() {
        if (settings.throwawayUrl() == null || settings.throwawayUrl().isBlank()) {
            try {
                EmbeddedServer.reapLeftovers();
                return EmbeddedServer.shared();
            } catch (IOException | RuntimeException e) {
                throw new RedshiftException(VALIDATE, "Cannot start the embedded PostgreSQL: " + e.getMessage()
                        + ". Set redshift.throwawayUrl to use a server of your own.", e);
            }
        }
        if (!settings.throwawayUrl().startsWith("jdbc:postgresql:")
                && !settings.throwawayUrl().startsWith("jdbc:redshift:")) {
            throw new RedshiftException(VALIDATE, "redshift.throwawayUrl must be a jdbc:postgresql:// or "
                    + "jdbc:redshift:// URL; got " + ExternalServer.masked(settings.throwawayUrl()) + ".");
        }
        ExternalServer external = new ExternalServer(settings.throwawayUrl(), settings.user(), settings.password());
        onRedshift = external.isRedshift();
        try {
            external.reapLeftovers();
        } catch (SQLException e) {
            // The server's problem is reported, with what to check, when the throwaway databases are made.
        }
        return external;
    }

    private ThrowawayDatabase create(ThrowawayServer server) {
        try {
            ThrowawayDatabase database = ThrowawayDatabase.create(server, "validate", settings.keepThrowaway());
            if (!server.isRedshift()) {
                StandIn.prepareThrowaway(database);
            }
            return database;
        } catch (SQLException e) {
            throw new RedshiftException(VALIDATE, "Cannot create a throwaway database on " + server + " as "
                    + server.user() + ": " + DatabaseMessages.of(e) + " " + hint(e.getSQLState()), e);
        }
    }

    /** What to check, by the class of the failure (SQLSTATE). */
    private static String hint(String sqlState) {
        String state = sqlState == null ? "" : sqlState;
        if (state.startsWith("28")) {
            return "Check the user and password: redshift.throwawayUser and redshift.throwawayPassword, or the "
                    + "settings.xml server named by redshift.throwawayServerId.";
        }
        if (state.startsWith("08")) {
            return "Check the host and port in redshift.throwawayUrl, and that the server accepts connections.";
        }
        return "The user needs the CREATEDB right; check redshift.throwawayUrl and redshift.throwawayUser.";
    }

    /** A runner that, with continueAfterFailure, isolates each statement in a savepoint so the next one runs. */
    private StatementRunner runner(Connection connection, boolean continueAfterFailure,
                                   Set<String> externalSchemas) {
        return new StatementRunner(connection, !onRedshift, settings.statementTimeoutSeconds(), checks,
                continueAfterFailure).readingExternalSchemas(externalSchemas);
    }

    /**
     * Builds A and B at once, in two databases: they share nothing until drift compares them. A is usually done
     * first, so its catalog is read while B still builds.
     *
     * @return A's catalog when drift needs it, else null
     */
    private CatalogSnapshot buildBoth(ThrowawayDatabase model, ThrowawayDatabase changes, Project project,
                                      boolean readModelCatalog) throws SQLException {
        CompletableFuture<CatalogSnapshot> modelBuild = CompletableFuture.supplyAsync(() -> {
            try {
                long start = System.nanoTime();
                try {
                    buildModel(model, project);
                } finally {
                    checkMillis.put(BUILD_A, (System.nanoTime() - start) / 1_000_000);
                }
                return readModelCatalog ? catalog(model) : null;
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, onItsOwnThread("validate-build-a"));
        long start = System.nanoTime();
        buildChanges(changes, project);
        checkMillis.put(BUILD_B, (System.nanoTime() - start) / 1_000_000);
        try {
            return modelBuild.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    private void buildModel(ThrowawayDatabase model, Project project) throws SQLException {
        AbsoluteModelOrder.Ordered ordered = AbsoluteModelOrder.of(project.absolute());
        checks.addAll(ordered.problems());
        try (Connection connection = model.connect()) {
            StatementRunner runner = runner(connection, true, project.externalSchemas());
            for (ParsedStatement statement : ordered.statements()) {
                runner.run(statement, DatabaseCheck.BUILD_ERROR);
            }
        }
    }

    /**
     * Applies the changesets in Flyway's order, as migrate will; a failing statement is already a finding. When each
     * can run in a transaction, all run in one (fewer commits, the same result in a database that is thrown away)
     * without Flyway's bookkeeping around each; otherwise Flyway migrates them.
     */
    private void buildChanges(ThrowawayDatabase changes, Project project) throws SQLException {
        if (project.changesets().stream().noneMatch(Changeset::isWellNamed)) {
            return;
        }
        Set<String> externalSchemas = project.externalSchemas();
        try {
            Flyway flyway = ChangesetFlyway.configure(changes.url(), changes.server().user(),
                    changes.server().password(), settings.historyTable(), project.changesets(),
                    connection -> runner(connection, false, externalSchemas), true);
            try (Connection connection = changes.connect()) {
                connection.setAutoCommit(false);
                if (ChangesetFlyway.applyAsOneGroup(flyway, project.changesets(), connection,
                        runner(connection, false, externalSchemas))) {
                    connection.commit();
                    return;
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            // An interruption ends Flyway's connection: that is no finding at the user's first changeset.
            if (ChangesetMigration.Failed.in(e) == null && !Interruption.underway()) {
                checks.add(DatabaseCheck.BUILD_ERROR.at(project.changesets().get(0).script().file(), 0,
                        "Flyway could not apply the changesets: " + e.getMessage().replaceAll("\\s+", " ")));
            }
        }
    }

    private CatalogSnapshot catalog(ThrowawayDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return CatalogReader.read(connection, settings.historyTable());
        }
    }

    /**
     * Runs a task on a thread of its own: the common pool has one thread on two cores, and these tasks mostly wait
     * on the server.
     */
    private static Executor onItsOwnThread(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
