package io.github.rsevolve.core.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.PasswordRole;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import io.github.rsevolve.it.RedshiftWireProxy;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The Redshift code path end to end: jdbc:redshift://, Amazon's redshift-jdbc42 and Flyway's Redshift support
 * (history table, locking), through the test wire proxy in front of the embedded PostgreSQL.
 */
class RedshiftDriverMigrateTest {

    @Test
    void deploysTheExampleThroughTheRedshiftDriver() throws Exception {
        Path project = Path.of("examples/tickit-dw");
        Path redshift = project.resolve("src/main/redshift");
        LintSettings lint = new LintSettings(project, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
        EmbeddedServer server = EmbeddedServer.shared();
        try (PasswordRole clusterAdmin = PasswordRole.md5Superuser("rse_cluster_admin", "Cluster-Pw-1");
             ThrowawayDatabase cluster = ThrowawayDatabase.create(server, "cluster", false)) {
            try (Connection admin = cluster.connect()) {
                RedshiftWireProxy.prepareCluster(admin, cluster.name());
            }
            int backendPort = URI.create(cluster.url().substring("jdbc:".length())).getPort();
            try (RedshiftWireProxy proxy = new RedshiftWireProxy(0, backendPort)) {
                String url = "jdbc:redshift://localhost:" + proxy.port() + "/" + cluster.name() + "?ssl=false";
                Environment environment = new Environment("rs", url, clusterAdmin.name(), "Cluster-Pw-1",
                        "flyway_schema_history", Map.of(), true, 60);
                Project loaded = ProjectLoader.load(lint.project());
                List<String> progress = new ArrayList<>();
                List<Finding> findings = new Migrator(environment, loaded).migrate(lint, progress::add);
                assertTrue(findings.stream().noneMatch(f -> f.severity().name().equals("ERROR")), findings.toString());
                assertEquals(6, progress.size(), progress.toString());
                List<ChangesetState> states = new Migrator(environment, loaded).info();
                assertEquals(6, states.stream().filter(s -> s.state().equals("SUCCESS")).count(), states.toString());

                Properties properties = new Properties();
                properties.setProperty("user", clusterAdmin.name());
                properties.setProperty("password", "Cluster-Pw-1");
                try (Connection connection = DriverManager.getConnection(url, properties)) {
                    List<Finding> drift = Validator.driftAgainst(new ValidateSettings(lint, null, null, null, false,
                            60, "flyway_schema_history"), loaded, connection, "flyway_schema_history");
                    assertEquals(List.of(), drift);
                }
                new Migrator(environment, loaded).repair();
            }
        }
    }
}
