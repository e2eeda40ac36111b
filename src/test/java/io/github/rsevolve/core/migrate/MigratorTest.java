package io.github.rsevolve.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.PasswordRole;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.execute.ChangesetMigration;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploys to a database of the embedded PostgreSQL standing in for a Redshift environment. */
class MigratorTest {

    @TempDir
    Path project;

    private LintSettings settings() {
        return RegenerateTestSupport.settings(project);
    }

    private Migrator migrator(Environment environment) {
        Project loaded = ProjectLoader.load(settings().project());
        return new Migrator(environment, loaded);
    }

    private static Environment environment(ThrowawayDatabase database) {
        return new Environment("qa", database.url().replaceFirst("\\?.*$", ""), "postgres", EmbeddedLogin.password(),
                "flyway_schema_history", Map.of(), true, 60);
    }

    private void copyExample() throws Exception {
        RegenerateTestSupport.copy(Path.of("examples/tickit-dw/src"), project.resolve("src"));
    }

    private static boolean exists(ThrowawayDatabase database, String relation) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT to_regclass('" + relation + "') IS NOT NULL")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    @Test
    void deploysReportsAndStaysIdempotent() throws Exception {
        copyExample();
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            List<String> progress = new ArrayList<>();
            List<Finding> findings = migrator(environment(qa)).migrate(settings(), progress::add);
            assertTrue(findings.stream().noneMatch(f -> f.severity() == Severity.ERROR), findings.toString());
            assertEquals(6, progress.size(), progress.toString());
            assertTrue(progress.get(0).matches("\\[1/6] V1__tickit_schema\\.sql \\.\\.\\. \\d+\\.\\d s"),
                    progress.get(0));
            List<ChangesetState> states = migrator(environment(qa)).info();
            assertEquals(6, states.size());
            assertTrue(states.stream().allMatch(s -> s.state() == MigrationState.SUCCESS), states.toString());
            assertTrue(exists(qa, "mart.v_top_categories"));

            List<String> again = new ArrayList<>();
            migrator(environment(qa)).migrate(settings(), again::add);
            assertEquals(List.of(), again, "nothing pending");
        }
    }

    /** How many changesets the history shows applied, seen from another session: only committed rows count. */
    private static long committed(ThrowawayDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success "
                     + "AND version IS NOT NULL")) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    @Test
    void eachProgressLineComesAfterItsChangesetIsCommitted() throws Exception {
        copyExample();
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            List<Long> committedWhenLogged = new ArrayList<>();
            migrator(environment(qa)).migrate(settings(), line -> committedWhenLogged.add(committed(qa)));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), committedWhenLogged,
                    "the n-th line is logged once n changesets are committed");
        }
    }

    @Test
    void aDryRunPrintsWhatWouldRunAndChangesNothing() throws Exception {
        copyExample();
        Files.writeString(project.resolve("src/main/redshift/incremental/V7__discount.sql"),
                "ALTER TABLE tickit.sales ADD COLUMN discount DECIMAL(8,2) ENCODE az64;");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            String sql = migrator(environment(qa)).dryRun();
            assertTrue(sql.contains("-- V7__discount.sql"), sql);
            assertTrue(sql.contains("ALTER TABLE \"tickit\".\"sales\" ADD COLUMN \"discount\" decimal(8,2)"), sql);
            assertTrue(sql.contains("INSERT INTO flyway_schema_history"), sql);
            assertFalse(exists(qa, "tickit.sales"), "the dry run changed nothing");
        }
    }

    @Test
    void aFailingChangesetRollsBackEntirelyAndIsLocated() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__base.sql"), "CREATE TABLE public.base (id INT);");
        Files.writeString(incremental.resolve("V2__broken.sql"),
                "CREATE TABLE public.half (id INT);\n\nINSERT INTO public.nowhere VALUES (1);");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            List<Finding> findings = migrator(environment(qa)).migrate(settings(), line -> { });
            Finding failure = findings.stream().filter(f -> f.rule().equals("deploy-error")).findFirst().orElseThrow();
            assertEquals("src/main/redshift/incremental/V2__broken.sql", failure.file());
            assertEquals(3, failure.line());
            assertTrue(failure.message().contains("relation \"public.nowhere\" does not exist"), failure.message());
            assertTrue(exists(qa, "public.base"));
            assertFalse(exists(qa, "public.half"), "V2 rolled back entirely");
            List<ChangesetState> states = migrator(environment(qa)).info();
            assertEquals(List.of(MigrationState.SUCCESS, MigrationState.PENDING), states.stream().map(ChangesetState::state)
                    .toList());
        }
    }

    @Test
    void anEditedChangesetIsRefusedWithWhatToDo() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__base.sql"), "CREATE TABLE public.base (id INT);");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            migrator(environment(qa)).migrate(settings(), line -> { });
            Files.writeString(incremental.resolve("V1__base.sql"), "CREATE TABLE public.base (id BIGINT);");
            RedshiftException e = assertThrows(RedshiftException.class,
                    () -> migrator(environment(qa)).migrate(settings(), line -> { }));
            assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
            assertTrue(e.getMessage().contains("redshift:repair"), e.getMessage());
        }
    }

    @Test
    void anUnreachableHostIsAClearMessageWithoutThePassword() {
        Environment unreachable = new Environment("pro", "jdbc:postgresql://127.0.0.1:1/dw?password=url-secret",
                "deployer", "settings-secret", "flyway_schema_history", Map.of(), true, 60);
        long started = System.nanoTime();
        RedshiftException e = assertThrows(RedshiftException.class, () -> migrator(unreachable).info());
        assertTrue((System.nanoTime() - started) / 1_000_000_000 < 30, "bounded");
        assertTrue(e.getMessage().contains("Check redshift.url of environment pro"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertFalse(unreachable.toString().contains("secret"), unreachable.toString());
    }

    @Test
    void aHistoryTableOfAnOldFlywayIsAClearMessageAndNothingChanges() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__base.sql"), "CREATE TABLE public.base (id INT);");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            try (Connection connection = qa.connect(); Statement statement = connection.createStatement()) {
                // Flyway 3's schema history layout.
                statement.execute("CREATE TABLE flyway_schema_history (version_rank INT, installed_rank INT, "
                        + "version VARCHAR(50), description VARCHAR(200), type VARCHAR(20), script VARCHAR(1000), "
                        + "checksum INT, installed_by VARCHAR(100), installed_on TIMESTAMP, execution_time INT, "
                        + "success BOOLEAN)");
            }
            RedshiftException e = assertThrows(RedshiftException.class,
                    () -> migrator(environment(qa)).migrate(settings(), line -> { }));
            assertTrue(e.getMessage().contains("written by Flyway 3 or 4"), e.getMessage());
            assertFalse(exists(qa, "public.base"), "nothing changed");
        }
    }

    @Test
    void aWrongPasswordIsAClearMessageWithoutThePassword() throws Exception {
        try (PasswordRole role = PasswordRole.create("rse_test_deployer", "the-right-one", false)) {
            Environment wrong = new Environment("pro", PasswordRole.url(), "rse_test_deployer", "a-wrong-one",
                    "flyway_schema_history", Map.of(), true, 60);
            RedshiftException e = assertThrows(RedshiftException.class, () -> migrator(wrong).info());
            assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
            assertTrue(e.getMessage().contains("Check redshift.user and the password"), e.getMessage());
            assertFalse(e.getMessage().contains("a-wrong-one"), e.getMessage());
        }
    }

    @Test
    void placeholdersAreReplacedAndBaselineSkipsWhatTheEnvironmentHas() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__old.sql"), "CREATE TABLE public.old (id INT);");
        Files.writeString(incremental.resolve("V2__new.sql"), "CREATE TABLE public.${table_name} (id INT, "
                + "at TIMESTAMP DEFAULT GETDATE());");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            Environment environment = new Environment("qa", qa.url().replaceFirst("\\?.*$", ""), "postgres",
                    EmbeddedLogin.password(), "flyway_schema_history", Map.of("table_name", "orders_qa"), true, 60,
                            List.of("deploy"));
            migrator(environment).baseline("1");
            migrator(environment).migrate(settings(), line -> { });
            assertFalse(exists(qa, "public.old"), "V1 is below the baseline");
            assertTrue(exists(qa, "public.orders_qa"), "the placeholder was replaced");
            assertTrue(exists(qa, "deploy.flyway_schema_history"), "the history lives in the first schema");
            List<MigrationState> states = migrator(environment).info().stream().map(ChangesetState::state).toList();
            assertTrue(states.contains(MigrationState.BASELINE) || states.contains(MigrationState.BELOW_BASELINE),
                    states.toString());
        }
    }

    private static List<String> history(ThrowawayDatabase database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, type, script, success FROM "
                     + "flyway_schema_history ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                        + result.getBoolean(4));
            }
        }
        return rows;
    }

    @Test
    void theHistoryHoldsFlywaysOwnSqlRowsAndTheDryRunPrintsThem() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental/sales"));
        Files.writeString(incremental.resolve("V1__base.sql"), "CREATE TABLE public.base (id INT);");
        Files.writeString(incremental.resolve("V2__more.sql"), "CREATE TABLE public.more (id INT);");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            String dryRun = migrator(environment(qa)).dryRun();
            assertTrue(dryRun.contains("VALUES (2, '2', 'more', 'SQL', 'sales/V2__more.sql', "), dryRun);
            migrator(environment(qa)).migrate(settings(), line -> { });
            // As Flyway records SQL migrations it finds itself: type SQL, the path below the location as script.
            assertEquals(List.of("1 SQL sales/V1__base.sql true", "2 SQL sales/V2__more.sql true"), history(qa));
        }
    }

    @Test
    void repairRewritesTheRowsOfEarlierReleasesAndMigrateSaysSoUntilThen() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__base.sql"), "CREATE TABLE public.base (id INT);");
        Files.writeString(incremental.resolve("R__view.sql"), "CREATE OR REPLACE VIEW public.v AS SELECT 1 AS one;");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            migrator(environment(qa)).migrate(settings(), line -> { });
            try (Connection connection = qa.connect(); Statement statement = connection.createStatement()) {
                statement.execute("UPDATE flyway_schema_history SET type = 'JDBC', script = '"
                        + ChangesetMigration.LEGACY_SCRIPT + "'");
            }
            Files.writeString(incremental.resolve("V2__more.sql"), "CREATE TABLE public.more (id INT);");
            RedshiftException refused = assertThrows(RedshiftException.class,
                    () -> migrator(environment(qa)).migrate(settings(), line -> { }));
            assertTrue(refused.getMessage().contains("2 row(s) written by an earlier release"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Run redshift:repair"), refused.getMessage());
            assertFalse(exists(qa, "public.more"), "nothing applied");

            assertEquals(2, migrator(environment(qa)).repair());
            assertEquals(List.of("1 SQL V1__base.sql true", "null SQL R__view.sql true"), history(qa));
            migrator(environment(qa)).migrate(settings(), line -> { });
            assertTrue(exists(qa, "public.more"));
        }
    }

    @Test
    void aNonTransactionalChangesetThatFailsIsRecordedWithWhatRanAndRepairRecovers() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__base.sql"), "CREATE TABLE public.base (id INT);");
        Path v2 = incremental.resolve("V2__with_vacuum.sql");
        Files.writeString(v2, "CREATE TABLE public.first (id INT);\nVACUUM public.base;\n"
                + "INSERT INTO public.nowhere VALUES (1);\nCREATE TABLE public.second (id INT);");
        LintSettings mixAllowed = new LintSettings(settings().baseDir(), settings().absoluteDir(),
                settings().incrementalDir(), settings().etlDir(), LintSettings.parseRuleLevels(
                        "non-transactional-mix=off"),
                RedshiftParser.DEFAULT_TIMEOUT_MILLIS, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            List<String> progress = new ArrayList<>();
            List<Finding> findings = migrator(environment(qa)).migrate(mixAllowed, progress::add);
            assertTrue(progress.stream().anyMatch(line -> line.equals("V2__with_vacuum.sql runs outside a "
                    + "transaction (VACUUM at line 2): a failure part way leaves what ran applied.")),
                            progress.toString());
            Finding failure = findings.stream().filter(f -> f.rule().equals("deploy-error")).findFirst().orElseThrow();
            assertEquals(3, failure.line());
            assertTrue(failure.message().startsWith("V2__with_vacuum.sql ran outside a transaction, so the "
                    + "statements before this one stay applied: line 1, line 2. "), failure.message());
            assertTrue(failure.message().contains("redshift:repair"), failure.message());
            assertTrue(exists(qa, "public.first"), "line 1 ran and stays");
            assertFalse(exists(qa, "public.second"));
            assertEquals(List.of("1 SQL V1__base.sql true", "2 SQL V2__with_vacuum.sql false"), history(qa));
            assertEquals(List.of(MigrationState.SUCCESS, MigrationState.FAILED),
                    migrator(environment(qa)).info().stream().map(ChangesetState::state).toList());

            // The team fixes the changeset so that it can run over what stayed; repair removes the failed row;
            // migrate recovers.
            Files.writeString(v2, "CREATE TABLE IF NOT EXISTS public.first (id INT);\nVACUUM public.base;\n"
                    + "CREATE TABLE public.second (id INT);");
            migrator(environment(qa)).repair();
            assertEquals(List.of("1 SQL V1__base.sql true"), history(qa));
            List<Finding> again = migrator(environment(qa)).migrate(mixAllowed, line -> { });
            assertTrue(again.stream().noneMatch(f -> f.rule().equals("deploy-error")), again.toString());
            assertTrue(exists(qa, "public.second"));
            assertEquals(List.of("1 SQL V1__base.sql true", "2 SQL V2__with_vacuum.sql true"), history(qa));
        }
    }

    private static List<String> schemasAndTables(ThrowawayDatabase database) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT n.nspname || '.' || coalesce(c.relname, '') FROM "
                     + "pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind = 'r' "
                     + "WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY 1")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    @Test
    void aFirstDeployThatAppliesNothingLeavesTheEnvironmentAsItWas() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__broken.sql"), "INSERT INTO public.nowhere VALUES (1);");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            List<String> before = schemasAndTables(qa);
            for (List<String> schemas : List.of(List.<String>of(), List.of("deploy"))) {
                Environment environment = new Environment("qa", qa.url().replaceFirst("\\?.*$", ""), "postgres",
                        EmbeddedLogin.password(), "flyway_schema_history", Map.of(), true, 60, schemas);
                List<Finding> findings = migrator(environment).migrate(settings(), line -> { });
                assertTrue(findings.stream().anyMatch(f -> f.rule().equals("deploy-error")), findings.toString());
                assertEquals(before, schemasAndTables(qa), "no history table, stand-in schema or Flyway schema left");
            }
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsTheTimeoutSaidSo() throws Exception {
        // Accepts connections and never answers, as a busy server or a dropping firewall looks to a driver.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Environment environment = new Environment("pro", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/dw", "deployer", "secret", "flyway_schema_history", Map.of(), true, 60, List.of(), 1);
            long started = System.nanoTime();
            RedshiftException e = assertThrows(RedshiftException.class, () -> migrator(environment).info());
            assertTrue(e.getMessage().contains("The server did not answer within 1 s (redshift.connectTimeout)"),
                    e.getMessage());
            assertTrue(System.nanoTime() - started < 20_000_000_000L, "bounded by the timeout, not the default");
        }
    }

    @Test
    void aMissingPasswordNamesEveryWayToGiveOne() throws Exception {
        try (PasswordRole role = PasswordRole.create("rse_test_no_password", "the-right-one", false)) {
            Environment none = new Environment("ci", PasswordRole.url(), "rse_test_no_password", "",
                    "flyway_schema_history", Map.of(), true, 60);
            RedshiftException e = assertThrows(RedshiftException.class, () -> migrator(none).info());
            for (String way : List.of("No password was given for environment ci", "redshift.serverId",
                    "<redshift.password>${env.DB_PASSWORD}</redshift.password>", "REDSHIFT_PASSWORD",
                    "jdbc:redshift:iam://")) {
                assertTrue(e.getMessage().contains(way), way + " in: " + e.getMessage());
            }
        }
    }
}
