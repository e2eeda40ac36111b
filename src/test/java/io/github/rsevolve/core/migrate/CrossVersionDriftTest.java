package io.github.rsevolve.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rsevolve.core.db.DebianPostgres;
import io.github.rsevolve.core.lint.Finding;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.regenerate.RegenerateTestSupport;
import io.github.rsevolve.core.validate.ValidateSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example deployed to a PostgreSQL of another major version (Debian's, 15) is compared with its absolute
 * model built on the embedded server (18): the two servers print views and defaults differently, and that is no
 * drift; a difference seeded into the environment still is.
 */
class CrossVersionDriftTest {

    @TempDir
    Path project;

    private LintSettings settings() {
        return RegenerateTestSupport.settings(project);
    }

    private void copyExample() throws Exception {
        RegenerateTestSupport.copy(Path.of("examples/tickit-dw/src"), project.resolve("src"));
    }

    @Test
    void theSameModelOnAnotherMajorVersionShowsNoDriftAndSeededDifferencesStillShow() throws Exception {
        Optional<Path> debian = DebianPostgres.installation();
        assumeTrue(debian.isPresent(), "needs Debian's postgresql package, root and runuser");
        copyExample();
        try (DebianPostgres server = DebianPostgres.start(debian.get())) {
            assumeTrue(server.majorVersion() != 18, "needs a major version other than the embedded one");
            server.createDatabase("qa");
            Environment qa = new Environment("qa", server.url("qa"), "postgres", server.password(),
                    "flyway_schema_history", Map.of(), true, 60);
            Migrator migrator = new Migrator(qa, Linter.load(settings()));
            List<Finding> deployed = migrator.migrate(settings(), line -> { });
            assertTrue(deployed.stream().noneMatch(f -> f.severity().name().equals("ERROR")), deployed.toString());
            ValidateSettings embedded = new ValidateSettings(settings(), null, null, null, false, 60,
                    "flyway_schema_history");
            assertEquals(List.of(), migrator.drift(embedded), "PostgreSQL " + server.majorVersion()
                    + " against the embedded 18");

            try (Connection connection = DriverManager.getConnection(server.url("qa"), "postgres",
                    server.password()); Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE tickit.users ADD COLUMN nickname varchar(20)");
                statement.execute("CREATE OR REPLACE VIEW mart.v_top_categories AS SELECT * FROM "
                        + "mart.v_top_categories WHERE false");
            }
            List<String> drift = migrator.drift(embedded).stream().map(f -> f.message().replaceAll(" Why:.*", ""))
                    .toList();
            assertEquals(2, drift.size(), drift.toString());
            assertTrue(drift.stream().anyMatch(m -> m.contains("nickname")), drift.toString());
            assertTrue(drift.stream().anyMatch(m -> m.contains("v_top_categories")), drift.toString());
        }
    }
}
