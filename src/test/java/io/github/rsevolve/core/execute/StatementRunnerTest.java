package io.github.rsevolve.core.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner on a prepared stand-in, in one transaction, as build B runs one changeset after another. */
class StatementRunnerTest {

    @Test
    void aRunnerPerChangesetOnOneConnectionKeepsThePathAndGoesOnAfterAFailure() throws Exception {
        List<ParsedStatement> statements;
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            statements = parser.parseScript(SqlSplitter.split(SourceFile.of(Path.of("V1__t.sql"), "V1__t.sql",
                    "CREATE TABLE t1 (id INT);\nCREATE TABLE t1 (id INT);\nCREATE TABLE t2 (note VARCHAR(5) DEFAULT 'a\\'b');\n"
                            + "SET search_path TO dw;\nCREATE TABLE t3 (id INT);\n")).statements());
        }
        List<Finding> findings = new ArrayList<>();
        try (ThrowawayDatabase database = ThrowawayDatabase.create(EmbeddedServer.shared(), "runner", false)) {
            StandIn.prepareThrowaway(database);
            try (Connection connection = database.connect(); Statement query = connection.createStatement()) {
                query.execute("CREATE SCHEMA dw");
                connection.setAutoCommit(false);
                // Flyway makes a runner for each changeset; they share the migration's connection.
                for (ParsedStatement statement : statements.subList(0, 3)) {
                    new StatementRunner(connection, true, 60, findings, false).run(statement, DatabaseCheck.BUILD_ERROR);
                }
                try (ResultSet path = query.executeQuery("SHOW search_path")) {
                    path.next();
                    assertEquals(1, path.getString(1).split("rse_compat", -1).length - 1,
                            "the compatibility schema is on the path once: " + path.getString(1));
                }
                StatementRunner last = new StatementRunner(connection, true, 60, findings, false);
                last.run(statements.get(4), DatabaseCheck.BUILD_ERROR);
                connection.commit();
                try (ResultSet tables = query.executeQuery("SELECT string_agg(table_schema || '.' || table_name, ' '"
                        + " ORDER BY table_name) FROM information_schema.tables WHERE table_name LIKE 't_'")) {
                    tables.next();
                    assertEquals("public.t1 public.t2 dw.t3", tables.getString(1));
                }
                try (ResultSet note = query.executeQuery("SELECT column_default FROM information_schema.columns "
                        + "WHERE table_name = 't2'")) {
                    note.next();
                    assertEquals("'a''b'::character varying", note.getString(1),
                            "the literal is read with Redshift's backslash escape");
                }
            }
        }
        assertEquals(1, findings.size(), findings.toString());
        Finding failure = findings.get(0);
        assertEquals(List.of(2, 14), List.of(failure.line(), failure.column()));
        assertEquals("The database rejected it: ERROR: relation \"t1\" already exists (SQLSTATE 42P07)",
                failure.message().substring(0, failure.message().indexOf(" Why:")));
    }

    @Test
    void aFileEndingInSetSearchPathDoesNotMoveTheNextFilesObjects() throws Exception {
        List<ParsedStatement> statements = new ArrayList<>();
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            statements.addAll(parse(parser, "V1__dw.sql", "CREATE SCHEMA dw;\nSET search_path TO dw;\n"));
            statements.addAll(parse(parser, "V2__t.sql", "CREATE TABLE t4 (id INT);\n"));
        }
        List<Finding> findings = new ArrayList<>();
        try (ThrowawayDatabase database = ThrowawayDatabase.create(EmbeddedServer.shared(), "runner", false)) {
            StandIn.prepareThrowaway(database);
            try (Connection connection = database.connect(); Statement query = connection.createStatement()) {
                connection.setAutoCommit(false);
                // One runner for every file, as the builds run them.
                StatementRunner runner = new StatementRunner(connection, true, 60, findings, false);
                for (ParsedStatement statement : statements) {
                    runner.run(statement, DatabaseCheck.BUILD_ERROR);
                }
                connection.commit();
                try (ResultSet table = query.executeQuery("SELECT table_schema FROM information_schema.tables "
                        + "WHERE table_name = 't4'")) {
                    table.next();
                    assertEquals("public", table.getString(1), "the second file has no SET: public, as Flyway "
                            + "restores the path between changesets");
                }
            }
        }
        assertEquals(List.of(), findings);
    }

    private static List<ParsedStatement> parse(RedshiftParser parser, String file, String text) {
        return parser.parseScript(SqlSplitter.split(SourceFile.of(Path.of(file), file, text)).statements());
    }
}
