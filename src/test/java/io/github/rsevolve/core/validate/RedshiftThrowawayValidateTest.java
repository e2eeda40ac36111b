package io.github.rsevolve.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.db.EmbeddedDatabases;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.PasswordRole;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.it.RedshiftWireProxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate with a Redshift throwaway (redshift.throwawayUrl=jdbc:redshift://...): both databases made on the
 * "cluster" with CREATE DATABASE through redshift-jdbc42 and the wire proxy, the SQL run there as written (the proxy,
 * playing the cluster, translates), compared from the cluster's system views, and dropped with Redshift's DROP
 * DATABASE ... FORCE after success, after failure, and when the run is stopped (SIGTERM).
 */
class RedshiftThrowawayValidateTest {

    private static final String PASSWORD = "Throwaway-Cluster-Pw-7";

    @TempDir
    Path project;

    /** The child of the SIGTERM case: validate on the cluster at args[1] as args[2], password args[3]. */
    public static void main(String[] args) {
        ValidateResult result = Validator.run(new ValidateSettings(RegenerateTestSupport.settings(Path.of(args[0])),
                args[1], args[2], args[3], false, 120, "flyway_schema_history"));
        System.out.println("validated: " + result.findings().size() + " finding(s)");
        System.exit(0);
    }

    private interface ClusterWork {
        void on(String url, String user) throws Exception;
    }

    private static void withCluster(ClusterWork work) throws Exception {
        EmbeddedServer server = EmbeddedServer.shared();
        int backendPort = URI.create(server.url("postgres").substring("jdbc:".length())).getPort();
        try (PasswordRole admin = PasswordRole.md5Superuser("rse_throwaway_admin", PASSWORD);
             RedshiftWireProxy proxy = new RedshiftWireProxy(0, backendPort, server::connect)) {
            work.on("jdbc:redshift://localhost:" + proxy.port() + "/postgres?ssl=false", admin.name());
        }
    }

    private static long throwaways() throws Exception {
        return EmbeddedDatabases.count("rse\\_validate\\_%");
    }

    private ValidateResult validate(String url, String user) {
        return Validator.run(new ValidateSettings(RegenerateTestSupport.settings(project), url, user, PASSWORD,
                false, 60, "flyway_schema_history"));
    }

    private static List<Finding> problems(ValidateResult result) {
        return result.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Test
    void theExampleBuildsComparesAndDropsBothDatabasesOnTheCluster() throws Exception {
        RegenerateTestSupport.copy(Path.of("examples/tickit-dw/src"), project.resolve("src"));
        withCluster((url, user) -> {
            long before = throwaways();
            ValidateResult result = validate(url, user);
            assertEquals(List.of(), problems(result));
            assertEquals(List.of(), result.drift());
            assertTrue(result.checkMillis().containsKey(Validator.BUILD_A), result.checkMillis().toString());
            assertEquals(before, throwaways(), "both throwaway databases are dropped");
        });
    }

    @Test
    void driftAndAFailingChangesetAreFoundAndBothDatabasesDropped() throws Exception {
        RegenerateTestSupport.write(project, "absolute/m.sql", "CREATE SCHEMA dw;\n"
                + "CREATE TABLE dw.orders (id INT, total DECIMAL(12,2)) "
                + "DISTKEY (id) SORTKEY (id);");
        RegenerateTestSupport.write(project, "incremental/V1__orders.sql", "CREATE SCHEMA dw;\n"
                + "CREATE TABLE dw.orders (id INT, total DECIMAL(12,2)) DISTKEY (total) SORTKEY (id);");
        RegenerateTestSupport.write(project, "incremental/V2__broken.sql", "ALTER TABLE dw.orders ADD COLUMN x INTT;");
        withCluster((url, user) -> {
            long before = throwaways();
            ValidateResult result = validate(url, user);
            List<String> errors = problems(result).stream().map(f -> f.file() + ":" + f.line() + " " + f.message())
                    .toList();
            assertTrue(errors.stream().anyMatch(e -> e.startsWith("src/main/redshift/incremental/V2__broken.sql:1 ")
                    && e.contains("intt")), errors.toString());
            assertEquals(before, throwaways(), "both throwaway databases are dropped after a failure");
        });
        RegenerateTestSupport.write(project, "incremental/V2__broken.sql", "SELECT 1;");
        withCluster((url, user) -> {
            ValidateResult result = validate(url, user);
            String drift = result.drift() + " " + result.findings();
            assertTrue(drift.contains("distkey"), "the distribution key read from the cluster's views: " + drift);
        });
    }

    @Test
    void aStoppedRunDropsBothDatabasesOnTheCluster() throws Exception {
        RegenerateTestSupport.write(project, "incremental/V1__slow.sql", "CREATE TABLE public.t (id INT);\n"
                + "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500000000) "
                + "SELECT COUNT(*) FROM n;");
        withCluster((url, user) -> {
            long before = throwaways();
            Path log = project.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RedshiftThrowawayValidateTest.class.getName(),
                    project.toString(), url, user, PASSWORD).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!slowChangesetRuns() && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(slowChangesetRuns(), () -> "the child runs its changesets: " + read(log));
            assertEquals(before + 2, throwaways(), () -> "in its two databases: " + read(log));
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the run");
            assertEquals(before, throwaways(), () -> "its shutdown hook dropped them: " + read(log));
        });
    }

    /** Whether the slow changeset runs on the backend, in one of the throwaway databases. */
    private static boolean slowChangesetRuns() throws Exception {
        try (Connection admin = EmbeddedServer.shared().adminConnection(); Statement statement = admin.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname LIKE "
                     + "'rse\\_validate\\_%' AND query LIKE '%500000000%' AND query NOT LIKE '%pg_stat_activity%'")) {
            result.next();
            return result.getLong(1) > 0;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
