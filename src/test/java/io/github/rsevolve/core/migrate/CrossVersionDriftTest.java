package io.github.rsevolve.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.db.DebianPostgres;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.translate.StandInDatabase;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
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
 * drift; a difference of each kind seeded into the environment (column, type, default, view body, distribution key,
 * sort key, encoding, grant, comment) still is, one finding each, located in the model.
 */
class CrossVersionDriftTest {

    @TempDir
    Path project;

    private LintSettings settings() {
        return RegenerateTestSupport.settings(project);
    }

    /** Debian's PostgreSQL server of a major version other than the embedded one, started; skips without one. */
    private static DebianPostgres otherMajorVersion() throws Exception {
        Optional<Path> debian = DebianPostgres.installation();
        assumeTrue(debian.isPresent(), "needs Debian's postgresql package, root and runuser");
        DebianPostgres server = DebianPostgres.start(debian.get());
        if (server.majorVersion() == 18) {
            server.close();
            assumeTrue(false, "needs a major version other than the embedded one");
        }
        return server;
    }

    /** The project's changesets deployed to a new database qa of the server, with no error; its migrator. */
    private Migrator deployed(DebianPostgres server) throws Exception {
        server.createDatabase("qa");
        Environment qa = new Environment("qa", server.url("qa"), "postgres", server.password(),
                "flyway_schema_history", Map.of(), true, 60);
        Migrator migrator = new Migrator(qa, ProjectLoader.load(settings().project()));
        List<Finding> findings = migrator.migrate(settings(), line -> { });
        assertTrue(findings.stream().noneMatch(f -> f.severity() == Severity.ERROR), findings.toString());
        return migrator;
    }

    private ValidateSettings embedded() {
        return new ValidateSettings(settings(), null, null, null, false, 60, "flyway_schema_history");
    }

    /** The realistic test model (SQL UDFs, late-binding views, CTAS, grants, comments) shows no drift either. */
    @Test
    void theRealisticModelOnAnotherMajorVersionShowsNoDrift() throws Exception {
        RegenerateTestSupport.copy(Path.of("src/test/resources/models/shop/src"), project.resolve("src"));
        try (DebianPostgres server = otherMajorVersion()) {
            assertEquals(List.of(), Validator.driftAgainst(embedded(), deployed(server)), "PostgreSQL "
                    + server.majorVersion()
                    + " against the embedded 18");
        }
    }

    @Test
    void theSameModelOnAnotherMajorVersionShowsNoDriftAndSeededDifferencesStillShow() throws Exception {
        RegenerateTestSupport.copy(Path.of("examples/tickit-dw/src"), project.resolve("src"));
        try (DebianPostgres server = otherMajorVersion()) {
            Migrator migrator = deployed(server);
            assertEquals(List.of(), Validator.driftAgainst(embedded(), migrator), "PostgreSQL " + server.majorVersion()
                    + " against the embedded 18");

            // One difference of each kind, each on an object of its own: what PostgreSQL keeps is changed with
            // PostgreSQL's statements, what the stand-in's bookkeeping keeps with the Redshift statements that change
            // it, translated as migrate translates them.
            try (Connection connection = DriverManager.getConnection(server.url("qa"), "postgres",
                    server.password()); Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE tickit.users ADD COLUMN nickname varchar(20)");
                statement.execute("CREATE OR REPLACE VIEW mart.v_top_categories AS SELECT * FROM "
                        + "mart.v_top_categories WHERE false");
                statement.execute("ALTER TABLE tickit.listing ALTER COLUMN totalprice TYPE numeric(10,2)");
                statement.execute("ALTER TABLE tickit.date ALTER COLUMN holiday SET DEFAULT true");
                for (String sql : StandInDatabase.translated("ALTER TABLE tickit.sales ALTER DISTKEY buyerid;\n"
                        + "ALTER TABLE tickit.venue ALTER SORTKEY (venuecity);\n"
                        + "ALTER TABLE tickit.event ALTER COLUMN eventname ENCODE zstd;\n"
                        + "GRANT SELECT ON tickit.users TO GROUP analysts;\n"
                        + "COMMENT ON TABLE tickit.category IS 'seeded';")) {
                    statement.execute(sql);
                }
            }
            List<Finding> found = Validator.driftAgainst(embedded(), migrator);
            List<String> drift = found.stream().map(f -> f.message().replaceAll(" Why:.*", "")).toList();
            assertEquals(9, drift.size(), String.join("\n", drift));
            for (String seeded : List.of("nickname", "v_top_categories", "totalprice", "holiday", "buyerid",
                    "venuecity", "zstd", "analysts", "seeded")) {
                assertEquals(1, drift.stream().filter(m -> m.contains(seeded)).count(), seeded + ": " + drift);
            }
            assertTrue(found.stream().allMatch(f -> f.file() != null && f.line() > 0), found.toString());
        }
    }
}
