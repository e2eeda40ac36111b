package io.github.rsevolve.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.DiffResult;
import io.github.rsevolve.core.changes.DiffSettings;
import io.github.rsevolve.core.changes.Differ;
import io.github.rsevolve.core.changes.Draft;
import io.github.rsevolve.core.changes.Regenerator;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.PasswordRole;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import io.github.rsevolve.it.RedshiftWireProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

/**
 * The Redshift code path end to end: jdbc:redshift://, Amazon's redshift-jdbc42 and Flyway's Redshift support
 * (history table, locking), through the test wire proxy in front of the embedded PostgreSQL.
 */
class RedshiftDriverMigrateTest {

    private static final String PASSWORD = "Cluster-Pw-1";
    private static final Path EXAMPLE = Path.of("examples/tickit-dw");

    /** What a test does with the example deployed to a cluster behind the proxy. */
    private interface ClusterWork {
        void on(Environment environment, Project project, LintSettings lint, Connection cluster,
                Connection backend) throws Exception;
    }

    @Test
    void deploysTheExampleThroughTheRedshiftDriver() throws Exception {
        withDeployed(EXAMPLE, 6, (environment, loaded, lint, connection, backend) -> {
            List<ChangesetState> states = new Migrator(environment, loaded).info();
            assertEquals(6, states.stream().filter(s -> s.state() == MigrationState.SUCCESS).count(), states.toString());
            assertEquals(List.of(), Validator.driftAgainst(throwaway(lint), loaded, connection,
                    "flyway_schema_history"));
            new Migrator(environment, loaded).repair();
        });
    }

    /**
     * Drift against a cluster reads Redshift's own system views (emulated behind the proxy from the stand-in's
     * catalog and bookkeeping, so the SQL is Redshift's): after a clean deploy nothing, and each kind of change made
     * on the cluster is found at its object's definition.
     */
    @Test
    void driftAgainstAClusterReadsItsSystemViews() throws Exception {
        withDeployed(EXAMPLE, 6, (environment, loaded, lint, connection, backend) -> {
            try (Statement redshift = connection.createStatement(); Statement postgres = backend.createStatement()) {
                redshift.execute("ALTER TABLE tickit.users ALTER COLUMN city TYPE VARCHAR(40)");
                redshift.execute("ALTER TABLE tickit.users ALTER DISTKEY username");
                redshift.execute("ALTER TABLE tickit.venue ALTER SORTKEY (venuename)");
                redshift.execute("ALTER TABLE tickit.users ALTER COLUMN state ENCODE lzo");
                redshift.execute("GRANT SELECT ON tickit.users TO GROUP analysts");
                redshift.execute("COMMENT ON TABLE tickit.venue IS 'seeded'");
                redshift.execute("CREATE OR REPLACE VIEW mart.v_top_categories AS SELECT catname, revenue "
                        + "FROM mart.v_sales_by_category WHERE revenue > 0");
                // Redshift has no ALTER COLUMN SET DEFAULT: the cluster's catalog is changed underneath.
                postgres.execute("ALTER TABLE tickit.date ALTER COLUMN holiday SET DEFAULT true");
            }
            List<String> drift = Validator.driftAgainst(throwaway(lint), loaded, connection, "flyway_schema_history")
                    .stream().map(f -> f.file() + ":" + f.line() + " " + f.message()).toList();
            String all = String.join("\n", drift);
            for (String expected : List.of(
                    "dimensions.sql:1 tickit.users: 3 differences: tickit.users.city: type character varying(30) in "
                            + "the absolute model, character varying(40)",
                    "tickit.users.state: encode bytedict in the absolute model, lzo",
                    "table tickit.users: distkey userid in the absolute model, username",
                    "V2__dimensions.sql:15 tickit.venue: 2 differences: table tickit.venue: comment none in the "
                            + "absolute model, seeded",
                    "table tickit.venue: sortkey COMPOUND (venueid) in the absolute model, COMPOUND (venuename)",
                    "grants.sql:1 grant SELECT on table tickit.users to group analysts: on the environment, not in the "
                            + "absolute model",
                    "mart.sql:14 view mart.v_top_categories: definition",
                    "dimensions.sql:43 tickit.date.holiday: default false in the absolute model, true")) {
                assertTrue(all.contains(expected), "expected \"" + expected + "\" in:\n" + all);
            }
            assertEquals(5, drift.size(), all);
        });
    }

    /**
     * Regenerate with the cluster as its environment: views the cluster has beyond the model join the graph (bound
     * ones by pg_depend, from their printed definitions), so a change to a table they read drops them first, in
     * reverse dependency order, and creates them again after it; a late-binding view is named but left alone. The
     * generated script then runs on the cluster.
     */
    @Test
    void regenerateWithTheClusterRecreatesTheViewsOnlyTheClusterHas() throws Exception {
        withDeployed(EXAMPLE, 6, (environment, loaded, lint, connection, backend) -> {
            try (Statement redshift = connection.createStatement()) {
                redshift.execute("CREATE SCHEMA ops");
                redshift.execute("CREATE VIEW ops.v_sales_ops AS SELECT salesid, pricepaid FROM tickit.sales");
                redshift.execute("CREATE VIEW ops.v_big_sales AS SELECT salesid FROM ops.v_sales_ops "
                        + "WHERE pricepaid > 1000");
                redshift.execute("CREATE VIEW ops.v_late AS SELECT salesid FROM tickit.sales WITH NO SCHEMA BINDING");
                // Bound to tickit.users on the cluster only: the model's v_top_categories does not read it.
                redshift.execute("CREATE OR REPLACE VIEW mart.v_top_categories AS SELECT catname, revenue "
                        + "FROM mart.v_sales_by_category WHERE revenue > (SELECT count(*) FROM tickit.users)");
            }
            Regenerator regenerator = Regenerator.withEnvironment(loaded, new Migrator(environment, loaded));
            assertEquals(List.of("view ops.v_big_sales", "view ops.v_late", "view ops.v_sales_ops"),
                    regenerator.onlyOnEnvironment().stream().map(Object::toString).toList());
            String sql = regenerator.regenerate(List.of(ObjectName.parse("tickit.sales")),
                    "ALTER TABLE tickit.sales ADD COLUMN discount DECIMAL(8,2);").sql();
            int change = sql.indexOf("ALTER TABLE tickit.sales ADD COLUMN discount");
            assertTrue(sql.indexOf("DROP VIEW ops.v_big_sales;") >= 0
                    && sql.indexOf("DROP VIEW ops.v_big_sales;") < sql.indexOf("DROP VIEW ops.v_sales_ops;")
                    && sql.indexOf("DROP VIEW ops.v_sales_ops;") < change, sql);
            int created = sql.indexOf("CREATE VIEW ops.v_sales_ops AS");
            assertTrue(change < created && created < sql.indexOf("CREATE VIEW ops.v_big_sales AS"), sql);
            assertTrue(sql.contains("ops.v_sales_ops is not in the absolute model: created again as environment rs "
                    + "defines it"), sql);
            assertTrue(!sql.contains("v_late"), "a late-binding view is not dropped:\n" + sql);
            String users = regenerator.regenerate(List.of(ObjectName.parse("tickit.users")), null).sql();
            assertTrue(users.contains("DROP VIEW mart.v_top_categories;"), "pg_depend's edge:\n" + users);
            try (Statement redshift = connection.createStatement()) {
                for (SqlStatement statement : SqlSplitter.split(SourceFile.of(Path.of("V7.sql"), "V7.sql", sql))
                        .statements()) {
                    redshift.execute(statement.text());
                }
                try (ResultSet rows = redshift.executeQuery("SELECT count(*) FROM ops.v_big_sales")) {
                    assertTrue(rows.next());
                }
            }
        });
    }

    /** diff against the cluster drafts what takes it to the absolute model, from its catalog read through the driver. */
    @Test
    void diffAgainstTheClusterDraftsWhatItLacks() throws Exception {
        Path dryRun = Files.createTempDirectory("rse-diff-dry-run");
        withDeployed(EXAMPLE, 6, (environment, loaded, lint, connection, backend) -> {
            try (Statement redshift = connection.createStatement()) {
                redshift.execute("ALTER TABLE tickit.users DROP COLUMN likesports");
            }
            DiffResult result = Differ.run(new DiffSettings(throwaway(lint), environment, "likesports", false, true,
                    false, dryRun));
            assertEquals(0, result.pending());
            String sql = result.draft().files().stream().map(Draft.File::sql).reduce("", String::concat);
            assertTrue(sql.contains("ALTER TABLE tickit.users ADD COLUMN likesports BOOLEAN;"), sql);
            assertEquals(1, result.draft().changes(), sql);
        });
    }

    private static ValidateSettings throwaway(LintSettings lint) {
        return new ValidateSettings(lint, null, null, null, false, 60, "flyway_schema_history");
    }

    /**
     * The realistic test model (SQL UDFs, late-binding views, CTAS, identity columns, interleaved sort keys, grants,
     * comments) read back from the cluster's system views as the model says it.
     */
    @Test
    void theRealisticModelReadsBackFromTheClustersSystemViewsWithoutDrift() throws Exception {
        withDeployed(Path.of("src/test/resources/models/shop"), -1, (environment, loaded, lint, connection, backend)
                -> assertEquals(List.of(), Validator.driftAgainst(throwaway(lint), loaded, connection,
                        "flyway_schema_history")));
    }

    /** @param changesets how many changesets the deploy applies, or -1 not to check */
    private static void withDeployed(Path project, int changesets, ClusterWork work) throws Exception {
        Path redshift = project.resolve("src/main/redshift");
        LintSettings lint = new LintSettings(project, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
        EmbeddedServer server = EmbeddedServer.shared();
        try (PasswordRole clusterAdmin = PasswordRole.md5Superuser("rse_cluster_admin", PASSWORD);
             ThrowawayDatabase cluster = ThrowawayDatabase.create(server, "cluster", false);
             Connection backend = cluster.connect()) {
            RedshiftWireProxy.prepareCluster(backend, cluster.name());
            int backendPort = URI.create(cluster.url().substring("jdbc:".length())).getPort();
            try (RedshiftWireProxy proxy = new RedshiftWireProxy(0, backendPort)) {
                String url = "jdbc:redshift://localhost:" + proxy.port() + "/" + cluster.name() + "?ssl=false";
                Environment environment = new Environment("rs", url, clusterAdmin.name(), PASSWORD,
                        "flyway_schema_history", Map.of(), true, 60);
                Project loaded = ProjectLoader.load(lint.project());
                List<String> progress = new ArrayList<>();
                List<Finding> findings = new Migrator(environment, loaded).migrate(lint, progress::add);
                assertTrue(findings.stream().noneMatch(f -> f.severity() == Severity.ERROR), findings.toString());
                assertTrue(changesets < 0 || progress.size() == changesets, progress.toString());
                Properties properties = new Properties();
                properties.setProperty("user", clusterAdmin.name());
                properties.setProperty("password", PASSWORD);
                try (Connection connection = DriverManager.getConnection(url, properties)) {
                    work.on(environment, loaded, lint, connection, backend);
                }
            }
        }
    }
}
