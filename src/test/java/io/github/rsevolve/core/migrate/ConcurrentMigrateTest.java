package io.github.rsevolve.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight migrate processes started at once on one database: each changeset is applied exactly once, and all end
 * without error (Flyway's lock makes the others wait, then find nothing pending).
 */
class ConcurrentMigrateTest {

    private static final int PROCESSES = 8;
    private static final int CHANGESETS = 12;

    @TempDir
    Path project;

    @Test
    void eightMigratesAtOnceApplyEachChangesetOnce() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__counter.sql"), "CREATE TABLE public.applied (version INT);");
        for (int v = 2; v <= CHANGESETS; v++) {
            Files.writeString(incremental.resolve("V" + v + "__step.sql"), "CREATE TABLE public.t" + v + " (id INT);\n"
                    + "INSERT INTO public.applied VALUES (" + v + ");\nSELECT pg_sleep(0.05);");
        }
        try (ThrowawayDatabase database = ThrowawayDatabase.create(EmbeddedServer.shared(), "concurrent", false)) {
            String url = database.url().replaceFirst("\\?.*$", "");
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(MigrateProcess.start(project, url, project.resolve("migrate" + i + ".log")));
            }
            for (int i = 0; i < PROCESSES; i++) {
                assertTrue(processes.get(i).waitFor(120, TimeUnit.SECONDS), "process " + i + " ends");
                assertEquals(0, processes.get(i).exitValue(),
                        "process " + i + ": " + Files.readString(project.resolve("migrate" + i + ".log")));
            }
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                try (ResultSet applied = statement.executeQuery(
                        "SELECT count(*), count(DISTINCT version) FROM public.applied")) {
                    applied.next();
                    assertEquals(CHANGESETS - 1, applied.getInt(1), "each changeset ran once");
                    assertEquals(CHANGESETS - 1, applied.getInt(2));
                }
                try (ResultSet history = statement.executeQuery(
                        "SELECT count(*) FROM flyway_schema_history WHERE success")) {
                    history.next();
                    assertEquals(CHANGESETS, history.getInt(1));
                }
            }
        }
    }
}
