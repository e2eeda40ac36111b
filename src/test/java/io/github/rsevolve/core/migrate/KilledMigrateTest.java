package io.github.rsevolve.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrate killed with SIGKILL at random points (20 trials) leaves the database equal to a prefix of the
 * changesets, consistent with the history table, and the next migrate completes it.
 */
class KilledMigrateTest {

    private static final int CHANGESETS = 10;
    private static final int TRIALS = Integer.getInteger("redshift.killTrials", 20);

    @TempDir
    Path project;

    @Test
    void aKilledMigrateLeavesAConsistentPrefixAndTheNextOneCompletesIt() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        for (int v = 1; v <= CHANGESETS; v++) {
            Files.writeString(incremental.resolve("V" + v + "__step.sql"), "CREATE TABLE public.t" + v
                    + " (id INT);\nINSERT INTO public.t" + v + " VALUES (" + v + ");\nSELECT pg_sleep(0.15);");
        }
        Random random = new Random(20261121);
        for (int trial = 0; trial < TRIALS; trial++) {
            try (ThrowawayDatabase database = ThrowawayDatabase.create(EmbeddedServer.shared(), "killed", false)) {
                String url = database.url().replaceFirst("\\?.*$", "");
                Process process = MigrateProcess.start(project, url, project.resolve("trial" + trial + ".log"));
                Thread.sleep(600 + random.nextInt(2000));
                process.destroyForcibly();
                assertTrue(process.waitFor(30, TimeUnit.SECONDS));
                awaitSessionsEnded(database);
                Set<Integer> applied = applied(database);
                Set<Integer> tables = tables(database);
                Set<Integer> prefix = IntStream.rangeClosed(1, applied.size()).boxed()
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(prefix, applied, "trial " + trial + ": the history is a prefix");
                assertEquals(applied, tables, "trial " + trial + ": the tables are those the history says");

                Path redshift = project.resolve("src/main/redshift");
                LintSettings settings = new LintSettings(project, redshift.resolve("absolute"), incremental,
                        redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                        SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
                new Migrator(new Environment("test", url, "postgres", EmbeddedLogin.password(),
                        "flyway_schema_history", Map.of(), true, 60),
                        ProjectLoader.load(settings.project())).migrate(settings, line -> { });
                assertEquals(CHANGESETS, applied(database).size(), "trial " + trial + ": completed");
                assertEquals(CHANGESETS, tables(database).size(), "trial " + trial + ": completed");
            }
        }
    }

    /**
     * The killed client's server session may still be finishing its last transaction (a COMMIT sent just before the
     * kill): the database is judged once that session has ended, not while it still runs.
     */
    private static void awaitSessionsEnded(ThrowawayDatabase database) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet others = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                    others.next();
                    if (others.getLong(1) == 0) {
                        return;
                    }
                }
                assertTrue(System.nanoTime() < deadline, "the killed client's session did not end");
                Thread.sleep(50);
            }
        }
    }

    private static Set<Integer> applied(ThrowawayDatabase database) throws Exception {
        Set<Integer> versions = new TreeSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return versions;
            }
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
                while (rows.next()) {
                    versions.add(Integer.parseInt(rows.getString(1)));
                }
            }
        }
        return versions;
    }

    private static Set<Integer> tables(ThrowawayDatabase database) throws Exception {
        Set<Integer> numbers = new TreeSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT relname FROM pg_class c JOIN pg_namespace n "
                     + "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND relname ~ '^t[0-9]+$'")) {
            while (rows.next()) {
                numbers.add(Integer.parseInt(rows.getString(1).substring(1)));
            }
        }
        return numbers;
    }
}
