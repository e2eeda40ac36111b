package io.github.rsevolve.core.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.execute.StandIn;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import io.github.rsevolve.core.translate.Translation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a writer inserts rows continuously, (a) the naive copy-then-drop loses rows the writer was told were
 * committed, and (b) the generated deep copy loses none. Lint flags (a) and passes (b).
 */
class DeepCopyDataLossTest {

    private static final String NAIVE = "CREATE TABLE dw.orders_new (LIKE dw.orders) SORTKEY (id);\n"
            + "INSERT INTO dw.orders_new SELECT * FROM dw.orders;\n"
            + "DROP TABLE dw.orders;\n"
            + "ALTER TABLE dw.orders_new RENAME TO orders;\n";

    @TempDir
    Path project;

    @Test
    void theNaiveCopyLosesRowsAndTheGeneratedOneLosesNone() throws Exception {
        RegenerateTestSupport.write(project, "absolute/orders.sql", "CREATE SCHEMA dw;\n"
                + "CREATE TABLE dw.orders (id BIGINT, v INT) SORTKEY (id);");
        RegenerateTestSupport.write(project, "incremental/V1__orders.sql", "CREATE SCHEMA dw;\n"
                + "CREATE TABLE dw.orders (id BIGINT, v INT);");
        Regeneration generated = new Regenerator(RegenerateTestSupport.load(project))
                .deepCopy(ObjectName.parse("dw.orders"));
        RegenerateTestSupport.write(project, "incremental/V2__naive.sql", NAIVE);
        RegenerateTestSupport.write(project, "incremental/" + generated.fileName().replace("V2__", "V3__"),
                generated.sql());
        Project linted = ProjectLoader.load(RegenerateTestSupport.settings(project).project());
        List<String> unsafe = Linter.check(linted, RegenerateTestSupport.settings(project)).findings().stream()
                .filter(f -> f.rule().equals("unsafe-table-recreation")).map(f -> f.file()).toList();
        assertEquals(List.of("src/main/redshift/incremental/V2__naive.sql"), unsafe, "lint flags (a), passes (b)");

        assertTrue(lostRows(changeset(linted, "V2__")) > 0, "the naive copy loses committed rows");
        assertEquals(0, lostRows(changeset(linted, "V3__")), "the generated deep copy loses none");
    }

    private static List<String> changeset(Project project, String prefix) {
        Changeset changeset = project.changesets().stream()
                .filter(c -> c.script().file().path().getFileName().toString().startsWith(prefix))
                .findFirst().orElseThrow();
        List<String> sql = new ArrayList<>();
        for (ParsedStatement statement : changeset.script().statements()) {
            Translation translation = RedshiftToPostgresTranslator.translate(statement);
            sql.addAll(translation.sql());
            if (statement.statement().startsWith("insert")) {
                // Widen the window between the copy and the drop, as a large table would.
                sql.add("SELECT pg_sleep(0.5)");
            }
        }
        return sql;
    }

    /** Runs the changeset in one transaction while a writer inserts; counts acknowledged rows that are gone. */
    private static long lostRows(List<String> changeset) throws Exception {
        try (ThrowawayDatabase database = ThrowawayDatabase.create(EmbeddedServer.shared(), "deepcopy", false)) {
            StandIn.prepareThrowaway(database);
            try (Connection setUp = database.connect(); Statement statement = setUp.createStatement()) {
                statement.execute("CREATE SCHEMA dw");
                statement.execute("CREATE TABLE dw.orders (id bigint, v integer)");
                statement.execute("INSERT INTO dw.orders SELECT g, 0 FROM generate_series(1, 1000) g");
            }
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> write(database, acknowledged, writing));
            writer.start();
            Thread.sleep(200);
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (String sql : changeset) {
                    statement.execute(sql);
                }
                connection.commit();
            }
            Thread.sleep(200);
            writing.set(false);
            writer.join();
            assertTrue(acknowledged.size() > 10, "the writer wrote during the copy: " + acknowledged.size());
            Set<Long> present = ConcurrentHashMap.newKeySet();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM dw.orders")) {
                while (rows.next()) {
                    present.add(rows.getLong(1));
                }
            }
            return acknowledged.stream().filter(id -> !present.contains(id)).count();
        }
    }

    /** Inserts one row at a time (autocommit); an id counts once its INSERT returned without error. */
    private static void write(ThrowawayDatabase database, Set<Long> acknowledged, AtomicBoolean writing) {
        long id = 1_000_000;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            while (writing.get()) {
                id++;
                try {
                    statement.execute("INSERT INTO dw.orders (id, v) VALUES (" + id + ", 1)");
                    acknowledged.add(id);
                } catch (SQLException e) {
                    // Not acknowledged: the writer's caller would retry, nothing is lost.
                }
                Thread.sleep(5);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
