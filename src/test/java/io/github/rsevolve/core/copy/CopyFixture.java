package io.github.rsevolve.core.copy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.project.ProjectLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Environments for copy tests and the copy benchmark: databases of the embedded PostgreSQL deployed by migrate. */
public final class CopyFixture {

    /** A wide fact table: every kind of column the proof treats differently. */
    public static final String EVENTS_MODEL = """
            CREATE SCHEMA dw;
            CREATE TABLE dw.events (
                event_id BIGINT NOT NULL,
                user_id INTEGER,
                amount DECIMAL(12, 2),
                score DOUBLE PRECISION,
                happened_at TIMESTAMP,
                is_test BOOLEAN,
                label VARCHAR(64),
                payload VARCHAR(256)
            ) DISTKEY (user_id) SORTKEY (happened_at);
            """;

    private CopyFixture() {
    }

    /** A database of the embedded PostgreSQL as a translating stand-in environment. */
    public static Environment environment(String name, String url) {
        return new Environment(name, url.replaceFirst("\\?.*$", ""), "postgres", EmbeddedLogin.password(),
                "flyway_schema_history", Map.of(), true, 600);
    }

    /** The database as an environment, with the project's changesets deployed by migrate. */
    public static Environment deploy(LintSettings lint, ThrowawayDatabase database, String name) {
        return deploy(lint, environment(name, database.url()));
    }

    public static Environment deploy(LintSettings lint, Environment environment) {
        assertTrue(new Migrator(environment, ProjectLoader.load(lint.project())).migrate(lint, line -> { }).stream()
                .noneMatch(f -> f.severity() == Severity.ERROR));
        return environment;
    }

    public static void execute(ThrowawayDatabase database, String... sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Rows of dw.events, about 110 bytes each, with NULLs, tabs and backslashes. */
    public static void fillEvents(ThrowawayDatabase database, long rows) throws SQLException {
        execute(database, "INSERT INTO dw.events SELECT i, i % 100000, CASE WHEN i % 101 = 0 THEN NULL "
                + "ELSE (i % 100000) * 0.37 END, i / 3.0, TIMESTAMP '2026-01-01' + i * INTERVAL '1 second', "
                + "i % 2 = 0, 'label ' || (i % 1000), CASE WHEN i % 7 = 0 THEN E'tab\\there \\\\ back' "
                + "ELSE md5(i::text) || md5((i + 1)::text) END FROM generate_series(1, " + rows + ") i");
    }
}
