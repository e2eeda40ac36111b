package io.github.rsevolve.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Flyway option does what Flyway documents, through the plugin's migrate; SQL callbacks run translated. */
class FlywayOptionsTest {

    @TempDir
    Path project;

    private Path incremental;

    @BeforeEach
    void changesets() throws Exception {
        incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        for (int version = 1; version <= 3; version++) {
            write("V" + version + "__table_" + version + ".sql", "CREATE TABLE public.t" + version + " (id INT);");
        }
    }

    private void write(String file, String sql) throws Exception {
        Files.writeString(incremental.resolve(file), sql);
    }

    private LintSettings settings() {
        return RegenerateTestSupport.settings(project);
    }

    private List<Finding> migrate(ThrowawayDatabase database, FlywayOptions options) {
        return migrator(database, options).migrate(settings(), line -> { });
    }

    private Migrator migrator(ThrowawayDatabase database, FlywayOptions options) {
        Environment environment = new Environment("qa", database.url().replaceFirst("\\?.*$", ""), "postgres",
                EmbeddedLogin.password(), "flyway_schema_history", Map.of(), true, 60);
        return new Migrator(environment, ProjectLoader.load(settings().project()), options);
    }

    private static FlywayOptions options(String target, boolean outOfOrder, boolean baselineOnMigrate,
                                         boolean validateOnMigrate, List<String> ignore) {
        return new FlywayOptions(target, outOfOrder, baselineOnMigrate, "1", validateOnMigrate, ignore);
    }

    private static long rows(ThrowawayDatabase database, String query) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static boolean exists(ThrowawayDatabase database, String relation) throws Exception {
        return rows(database, "SELECT count(*) FROM pg_class WHERE oid = to_regclass('" + relation + "')") == 1;
    }

    private static void execute(ThrowawayDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void targetStopsAtItsVersion() throws Exception {
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            migrate(qa, options("2", false, false, true, List.of()));
            assertTrue(exists(qa, "public.t2"));
            assertFalse(exists(qa, "public.t3"), "V3 is above the target");
            assertEquals(MigrationState.ABOVE_TARGET, migrator(qa, options("2", false, false, true, List.of())).info().get(2)
                    .state());
        }
    }

    @Test
    void outOfOrderAppliesAnOlderPendingChangeset() throws Exception {
        Files.delete(incremental.resolve("V2__table_2.sql"));
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            migrate(qa, FlywayOptions.DEFAULTS);
            write("V2__table_2.sql", "CREATE TABLE public.t2 (id INT);");
            RedshiftException inOrder = assertThrows(RedshiftException.class, () -> migrate(qa,
                    FlywayOptions.DEFAULTS));
            assertTrue(inOrder.getMessage().contains("not applied"), inOrder.getMessage());
            assertFalse(exists(qa, "public.t2"));
            migrate(qa, options(null, true, false, true, List.of()));
            assertTrue(exists(qa, "public.t2"), "applied out of order");
        }
    }

    @Test
    void baselineOnMigrateStartsANonEmptyEnvironmentAfterTheBaseline() throws Exception {
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            execute(qa, "CREATE TABLE public.t1 (id INT)");
            RedshiftException refused = assertThrows(RedshiftException.class, () -> migrate(qa,
                    FlywayOptions.DEFAULTS));
            assertTrue(refused.getMessage().contains("non-empty schema"), refused.getMessage());
            List<Finding> findings = migrate(qa, options(null, false, true, true, List.of()));
            assertTrue(findings.stream().noneMatch(f -> f.rule().equals("deploy-error")), findings.toString());
            assertTrue(exists(qa, "public.t3"), "V2 and V3 applied after the baseline at 1");
            assertEquals(1, rows(qa, "SELECT count(*) FROM flyway_schema_history WHERE type = 'BASELINE' "
                    + "AND version = '1'"));
        }
    }

    @Test
    void validateOnMigrateOffLetsAnEditedChangesetPass() throws Exception {
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            migrate(qa, FlywayOptions.DEFAULTS);
            write("V1__table_1.sql", "CREATE TABLE public.t1 (id BIGINT);");
            write("V4__table_4.sql", "CREATE TABLE public.t4 (id INT);");
            assertThrows(RedshiftException.class, () -> migrate(qa, FlywayOptions.DEFAULTS), "checksum mismatch");
            migrate(qa, options(null, false, false, false, List.of()));
            assertTrue(exists(qa, "public.t4"));
        }
    }

    @Test
    void ignoreMigrationPatternsLetsAMissingChangesetPass() throws Exception {
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            migrate(qa, FlywayOptions.DEFAULTS);
            Files.delete(incremental.resolve("V3__table_3.sql"));
            write("V4__table_4.sql", "CREATE TABLE public.t4 (id INT);");
            RedshiftException missing = assertThrows(RedshiftException.class,
                    () -> migrate(qa, FlywayOptions.DEFAULTS));
            assertTrue(missing.getMessage().contains("not resolved locally"), missing.getMessage());
            migrate(qa, options(null, false, false, true, List.of("*:missing")));
            assertTrue(exists(qa, "public.t4"));
        }
    }

    @Test
    void sqlCallbacksRunAtTheirEventsTranslated() throws Exception {
        write("V1__table_1.sql", "CREATE TABLE public.t1 (id INT);\nCREATE TABLE public.deploys (at TIMESTAMP);");
        // DATEADD and GETDATE are Redshift's: PostgreSQL runs them only translated.
        write("afterMigrate.sql", "INSERT INTO public.deploys SELECT DATEADD(day, 0, GETDATE());");
        write("afterEachMigrate__count.sql", "CREATE TABLE IF NOT EXISTS public.each (n INT);\n"
                + "INSERT INTO public.each VALUES (1);");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            List<Finding> findings = migrate(qa, FlywayOptions.DEFAULTS);
            assertTrue(findings.stream().noneMatch(f -> f.rule().equals("deploy-error")
                    || f.rule().equals("changeset-name")), findings.toString());
            assertEquals(1, rows(qa, "SELECT count(*) FROM public.deploys"), "afterMigrate runs once");
            assertEquals(3, rows(qa, "SELECT count(*) FROM public.each"), "afterEachMigrate runs per changeset");
            assertEquals(3, rows(qa, "SELECT count(*) FROM flyway_schema_history"), "callbacks are not changesets");
        }
    }

    @Test
    void aFailingCallbackIsLocatedInItsFile() throws Exception {
        write("afterMigrate.sql", "SELECT 1;\nINSERT INTO public.nowhere VALUES (1);");
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            List<Finding> findings = migrate(qa, FlywayOptions.DEFAULTS);
            Finding failure = findings.stream().filter(f -> f.rule().equals("deploy-error")).findFirst().orElseThrow();
            assertEquals("src/main/redshift/incremental/afterMigrate.sql", failure.file());
            assertEquals(2, failure.line());
            assertTrue(exists(qa, "public.t3"), "the changesets were applied before the callback");
        }
    }

    @Test
    void severalLocationsAreAppliedInOneVersionOrder() throws Exception {
        Files.delete(incremental.resolve("V2__table_2.sql"));
        Path shared = Files.createDirectories(project.resolve("shared/sub"));
        Files.writeString(shared.resolve("V2__shared_table.sql"), "CREATE TABLE public.shared (id INT);");
        Path redshift = project.resolve("src/main/redshift");
        LintSettings twoLocations = new LintSettings(project, redshift.resolve("absolute"), incremental,
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1, List.of(project.resolve("shared")));
        try (ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            Environment environment = new Environment("qa", qa.url().replaceFirst("\\?.*$", ""), "postgres",
                    EmbeddedLogin.password(), "flyway_schema_history", Map.of(), true, 60);
            List<String> progress = new ArrayList<>();
            new Migrator(environment, ProjectLoader.load(twoLocations.project()), FlywayOptions.DEFAULTS).migrate(
                    twoLocations,
                    progress::add);
            assertEquals(3, progress.size(), progress.toString());
            assertTrue(progress.get(1).startsWith("[2/3] sub/V2__shared_table.sql"), progress.toString());
            assertTrue(exists(qa, "public.shared"));
        }
    }
}
