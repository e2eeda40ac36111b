package io.github.rsevolve.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedDatabases;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.PasswordRole;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.report.JUnitReporter;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validate on the embedded PostgreSQL: the failure modes of the throwaway builds. */
class ValidatorTest {

    @TempDir
    Path project;

    private Path write(String path, String sql) throws IOException {
        Path file = project.resolve("src/main/redshift").resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, sql);
    }

    private ValidateSettings settings(String url, String user, int timeoutSeconds, boolean keep) {
        Path redshift = project.resolve("src/main/redshift");
        LintSettings lint = new LintSettings(project, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
        return new ValidateSettings(lint, url, user, "", keep, timeoutSeconds, "flyway_schema_history");
    }

    /** Where a finding is, below src/main/redshift: "etl/report.sql:1:14". */
    private static String at(Finding finding) {
        return finding.file().replace("src/main/redshift/", "") + ":" + finding.line() + ":" + finding.column();
    }

    /** A finding's message without its Why and Fix. */
    private static String what(Finding finding) {
        return finding.message().replaceAll(" Why:.*", "");
    }

    /** Every message of the cause chain, as mvn -e prints them. */
    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }

    private static long throwawayDatabases() throws Exception {
        return EmbeddedDatabases.count("rse\\_%");
    }

    @Test
    void aChangesetThatNeverEndsIsStoppedByTheStatementTimeout() throws Exception {
        write("absolute/t.sql", "CREATE TABLE public.t (id INT);");
        write("incremental/V1__t.sql", "CREATE TABLE public.t (id INT);\nSELECT pg_sleep(30);");
        long started = System.nanoTime();
        ValidateResult result = Validator.run(settings(null, null, 1, false));
        assertTrue((System.nanoTime() - started) / 1_000_000_000 < 20, "bounded by the timeout");
        Finding timeout = result.checks().stream().filter(f -> f.rule().equals("build-error")).findFirst(
                ).orElseThrow();
        assertEquals("src/main/redshift/incremental/V1__t.sql", timeout.file());
        assertEquals(2, timeout.line());
        assertTrue(timeout.message().contains("canceling statement"), timeout.message());
    }

    @Test
    void throwawayDatabasesAreDroppedAfterwardsAndKeptOnRequest() throws Exception {
        write("absolute/t.sql", "CREATE TABLE public.t (id INT);");
        write("incremental/V1__t.sql", "CREATE TABLE public.t (id INT);");
        long before = throwawayDatabases();
        ValidateResult result = Validator.run(settings(null, null, 60, false));
        assertEquals(List.of(), result.findings());
        assertEquals(before, throwawayDatabases(), "no database left behind");

        ValidateResult kept = Validator.run(settings(null, null, 60, true));
        assertEquals(2, kept.kept().size());
        assertTrue(kept.kept().get(0).contains("psql -h localhost"), kept.kept().toString());
        assertEquals(before + 2, throwawayDatabases());
        try (Connection admin = EmbeddedServer.shared().adminConnection(
                ); Statement statement = admin.createStatement();
             ResultSet names = admin.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE datname LIKE 'rse\\_validate\\_%'")) {
            while (names.next()) {
                statement.execute("DROP DATABASE " + names.getString(1) + " WITH (FORCE)");
            }
        }
    }

    @Test
    void aUserWithoutCreateDatabaseRightsGetsAClearMessage() throws Exception {
        write("absolute/t.sql", "CREATE TABLE public.t (id INT);");
        String url = EmbeddedServer.shared().url("postgres").replaceFirst("\\?.*$", "");
        try (PasswordRole reader = PasswordRole.create("rse_test_reader", "reader-pw", false)) {
            ValidateSettings noCreateDb = new ValidateSettings(settings(null, null, 60, false).lint(), url,
                    reader.name(), "reader-pw", false, 60, "flyway_schema_history");
            RedshiftException e = assertThrows(RedshiftException.class, () -> Validator.run(noCreateDb));
            assertTrue(e.getMessage().contains("permission denied to create database"), e.getMessage());
            assertTrue(e.getMessage().contains("CREATEDB"), e.getMessage());
        }
    }

    @Test
    void aWrongPasswordIsAClearMessageWithoutThePassword() throws Exception {
        write("absolute/t.sql", "CREATE TABLE public.t (id INT);");
        try (PasswordRole role = PasswordRole.create("rse_test_pw", "right-one", true)) {
            ValidateSettings wrong = new ValidateSettings(settings(null, null, 60, false).lint(), PasswordRole.url(),
                    "rse_test_pw", "wrong-one", false, 60, "flyway_schema_history");
            RedshiftException e = assertThrows(RedshiftException.class, () -> Validator.run(wrong));
            assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
            assertTrue(e.getMessage().contains("redshift.throwawayServerId"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong-one"), e.getMessage());
            assertTrue(e.getCause() instanceof SQLException, "the cause is kept for mvn -e");
            assertFalse(causes(e).contains("wrong-one"), causes(e));
        }
    }

    @Test
    void anUnreachableServerIsAClearMessageWithoutThePassword() {
        ValidateSettings unreachable = new ValidateSettings(settings(null, null, 60, false).lint(),
                "jdbc:postgresql://127.0.0.1:1/postgres?password=s3cret-in-url", "builder", "s3cret-password",
                false, 60, "flyway_schema_history");
        RedshiftException e = assertThrows(RedshiftException.class, () -> Validator.run(unreachable));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getCause() instanceof SQLException, "the cause is kept for mvn -e");
        assertFalse(causes(e).contains("s3cret"), causes(e));
        assertFalse(unreachable.toString().contains("s3cret-password"), unreachable.toString());
    }

    @Test
    void lintErrorsDoNotHideTheDatabaseChecks() throws IOException {
        write("absolute/t.sql", "CREATE TABLE public.t (id SERIAL);\nCREATE VIEW public.v AS SELECT id FROM public.t;");
        write("incremental/V1__t.sql", "CREATE TABLE public.t (id SERIAL);");
        write("etl/report.sql", "SELECT nmae FROM public.t;");
        ValidateResult result = Validator.run(settings(null, null, 60, false));
        assertTrue(result.phases().keySet().stream().anyMatch(phase -> phase.startsWith("builds")),
                result.phases().toString());
        assertEquals(List.of("src/main/redshift/absolute/t.sql:1:24: serial-type",
                "src/main/redshift/incremental/V1__t.sql:1:24: serial-type"), result.lint().findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).map(f -> f.file() + ":" + f.line() + ":" + f.column()
                        + ": " + f.rule()).toList());
        List<String> database = result.checks().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.file() + ":" + f.line() + ": " + f.rule()).toList();
        assertEquals(List.of("src/main/redshift/absolute/t.sql:2: drift",
                "src/main/redshift/etl/report.sql:1: etl-error"),
                database, "drift and the ETL are checked despite lint's error");
    }

    /** The JUnit report times each build and ETL file, and skips what a failed build leaves unchecked. */
    @Test
    void theJUnitReportTimesEachCheckAndSkipsWhatAFailedBuildLeaves() throws IOException {
        write("absolute/t.sql", "CREATE TABLE public.t (id INTEGER);");
        write("incremental/V1__t.sql", "CREATE TABLE public.t (id INTEGER);");
        write("etl/report.sql", "SELECT id FROM public.t;");
        ValidateResult passed = Validator.run(settings(null, null, 60, false));
        assertEquals(List.of(Validator.BUILD_A, Validator.BUILD_B, "src/main/redshift/etl/report.sql"),
                List.copyOf(passed.checkMillis().keySet()));
        assertTrue(JUnitReporter.checks(passed).stream().allMatch(c -> c.skipped() == null && c.failures().isEmpty()),
                JUnitReporter.checks(passed).toString());

        write("incremental/V2__broken.sql", "INSERT INTO public.t (id) VALUES ('not a number');");
        List<JUnitReporter.Check> checks = JUnitReporter.checks(Validator.run(settings(null, null, 60, false)));
        assertEquals(List.of("lint: ran", "build from the absolute model: ran", "build from the changesets: failed",
                "no drift between the model and the changesets: not compared: a build failed",
                "ETL src/main/redshift/etl/report.sql: not checked: a build failed"), checks.stream()
                .map(c -> c.name() + ": " + (c.skipped() != null ? c.skipped() : c.failures().isEmpty() ? "ran"
                        : "failed")).toList());
    }

    /** A rejected statement is located at the name the database names, or at the position it reports. */
    @Test
    void aDatabaseErrorIsLocatedAtTheTokenItNames() throws IOException {
        write("absolute/t.sql", "CREATE TABLE public.t (id INT, name VARCHAR(10));");
        write("incremental/V1__t.sql", "CREATE TABLE public.t (id INT, name VARCHAR(10));");
        write("etl/a_column.sql", "SELECT id,\n       nmae\nFROM public.t;");
        write("etl/b_function.sql", "SELECT id,\n  nosuch_fn(id)\nFROM public.t;");
        write("etl/c_second_use.sql", "SELECT DATEADD(day, 1, GETDATE()), id FROM public.t WHERE id = 1\n"
                + "  AND id::text = 'x' AND name > 1;");
        ValidateResult result = Validator.run(settings(null, null, 60, false));
        List<String> located = result.checks().stream().filter(f -> f.rule().equals("etl-error"))
                .map(f -> f.file().replace("src/main/redshift/etl/", "") + ":" + f.line() + ":" + f.column())
                .sorted().toList();
        assertEquals(List.of("a_column.sql:2:8", "b_function.sql:2:3", "c_second_use.sql:1:1"), located,
                result.checks().toString());
    }

    /**
     * Build B applies the changesets as Flyway migrate does: versions in numeric order, repeatables after them, the
     * search_path a changeset sets not carried into the next; two changesets of one version are Flyway's error.
     */
    @Test
    void theChangesetsRunInFlywaysOrderWithFlywaysChecks() throws IOException {
        write("absolute/model.sql", "CREATE SCHEMA dw;\nCREATE TABLE public.t (id INT, note VARCHAR(5));\n"
                + "CREATE VIEW public.v AS SELECT id, note FROM public.t;");
        write("incremental/V1__dw.sql", "CREATE SCHEMA dw;\nSET search_path TO dw;");
        write("incremental/V2__t.sql", "CREATE TABLE t (id INT);");
        write("incremental/V10__note.sql", "ALTER TABLE public.t ADD COLUMN note VARCHAR(5);");
        write("incremental/R__v.sql", "CREATE OR REPLACE VIEW public.v AS SELECT id, note FROM public.t;");
        ValidateResult clean = Validator.run(settings(null, null, 60, false));
        assertEquals(List.of(), clean.findings().stream().filter(f -> f.severity() != Severity.INFO).toList());
        assertEquals(List.of(), clean.drift());

        write("incremental/V2__u.sql", "CREATE TABLE public.u (id INT);");
        ValidateResult twice = Validator.run(settings(null, null, 60, false));
        List<String> errors = twice.checks().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> at(f) + " " + what(f)).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("Found more than one migration with version 2"), errors.get(0));
    }

    /**
     * Redshift's lateral column alias reference (docs: SELECT list) runs in the model, the changesets and the ETL; a
     * column of the FROM clause keeps precedence, and an alias used before its definition is still an error.
     */
    @Test
    void lateralColumnAliasesRunAsOnRedshift() throws IOException {
        String table = "CREATE TABLE public.t (id INT, name VARCHAR(10), twice INT);\n";
        String view = "CREATE VIEW public.v AS SELECT id * 3 AS triple, triple + 1 AS more, name AS label,\n"
                + "  UPPER(label) AS shout, id AS twice, twice * 2 AS four FROM public.t WHERE triple > 2;";
        write("absolute/t.sql", table + view);
        write("incremental/V1__t.sql", table + view);
        write("etl/a_lateral.sql", "SELECT name AS label, LOWER(label) AS quiet FROM public.t WHERE label <> 'x';");
        write("etl/b_before.sql", "SELECT LOWER(label) AS quiet,\n  name AS label FROM public.t;");
        ValidateResult result = Validator.run(settings(null, null, 60, false));
        List<String> errors = result.checks().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> at(f) + " " + what(f)).toList();
        assertEquals(List.of("etl/b_before.sql:1:14 The database rejected it: ERROR: column \"label\" does not "
                + "exist (SQLSTATE 42703)"), errors, result.checks().toString());
    }

    /** What reads a relation whose statement was not run here is not checked either, and says why, not an error. */
    @Test
    void whatReadsARelationThatWasNotBuiltIsNotCheckedEither() throws IOException {
        write("absolute/t.sql", "CREATE TABLE public.t (id INT);");
        write("incremental/V1__t.sql", "CREATE TABLE public.t (id INT);");
        write("etl/history.sql", "CREATE TABLE public.hashjoins AS (SELECT * FROM stl_hashjoin LIMIT 0);\n"
                + "CREATE TABLE public.kept (LIKE public.hashjoins);\nSELECT COUNT(*) FROM kept;\n"
                + "SELECT nmae FROM public.t;");
        ValidateResult result = Validator.run(settings(null, null, 60, false));
        List<String> etl = result.checks().stream().filter(f -> f.file().endsWith("history.sql"))
                .map(f -> f.line() + " " + f.severity() + " " + what(f)).toList();
        assertEquals(List.of("1 INFO Not run on PostgreSQL: it uses the Redshift system table or view STL_HASHJOIN, "
                        + "which the PostgreSQL stand-in does not have.",
                "2 INFO Not run on PostgreSQL: it reads public.hashjoins, which was not built here "
                        + "(src/main/redshift/etl/history.sql:1:1: it uses the Redshift system table or view "
                        + "STL_HASHJOIN, which the PostgreSQL stand-in does not have).",
                "3 INFO Not run on PostgreSQL: it reads public.kept, which was not built here "
                        + "(src/main/redshift/etl/history.sql:2:1: it reads public.hashjoins, which was not built here "
                        + "(src/main/redshift/etl/history.sql:1:1: it uses the Redshift system table or view "
                        + "STL_HASHJOIN, which the PostgreSQL stand-in does not have)).",
                "4 ERROR The database rejected it: ERROR: column \"nmae\" does not exist (SQLSTATE 42703)"), etl);
    }

    /** A name with a dot inside its quotes stays one name in drift (Snowplow's generated columns have them). */
    @Test
    void driftKeepsADotInsideAQuotedName() throws IOException {
        write("absolute/events.sql", "CREATE SCHEMA atomic;\nCREATE TABLE atomic.\"ctx.v1\" (id INT,\n"
                + "  \"client_context.client.app_title\" VARCHAR(255),\n  \"client.id\" VARCHAR(36));");
        write("incremental/V1__events.sql", "CREATE SCHEMA atomic;\nCREATE TABLE atomic.\"ctx.v1\" (id INT,\n"
                + "  \"client_context.client.app_title\" VARCHAR(128),\n  \"client.id\" VARCHAR(36));");
        ValidateResult result = Validator.run(settings(null, null, 60, false));
        List<String> drift = result.checks().stream().filter(f -> f.rule().equals("drift"))
                .map(f -> at(f) + " " + what(f)).toList();
        assertEquals(List.of("absolute/events.sql:3:3 atomic.\"ctx.v1\".\"client_context.client.app_title\": type "
                + "character varying(255) in the absolute model, character varying(128) after changesets V1."), drift);
    }

    /** A table only the changesets have, made by ALTER TABLE ... RENAME TO, is located at that statement. */
    @Test
    void aTableMadeByARenameIsLocatedAtTheRename() throws IOException {
        write("absolute/t.sql", "CREATE TABLE public.t (id INT);");
        write("incremental/V1__t.sql", "CREATE TABLE public.t (id INT);");
        write("incremental/V2__keep_old.sql", "ALTER TABLE public.t RENAME TO t_r1;\nCREATE TABLE public.t (id INT);");
        ValidateResult result = Validator.run(settings(null, null, 60, false));
        List<String> drift = result.checks().stream().filter(f -> f.rule().equals("drift"))
                .map(ValidatorTest::at).toList();
        assertEquals(List.of("incremental/V2__keep_old.sql:1:1"), drift, result.checks().toString());
    }
}
