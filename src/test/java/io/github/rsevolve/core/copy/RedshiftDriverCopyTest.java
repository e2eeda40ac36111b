package io.github.rsevolve.core.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.PasswordRole;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.it.RedshiftWireProxy;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redshift side of the JDBC path end to end: jdbc:redshift://, Amazon's redshift-jdbc42, multi-row INSERTs into
 * the target and the proof in Redshift's SQL (STRTOL, MD5, VARCHAR(65535)), through the test wire proxy in front of
 * the embedded PostgreSQL.
 */
class RedshiftDriverCopyTest {

    @TempDir
    Path project;

    @Test
    void copiesIntoAndOutOfARedshiftClusterOverJdbc() throws Exception {
        RegenerateTestSupport.write(project, "incremental/V1__model.sql", CopyFixture.EVENTS_MODEL);
        LintSettings lint = RegenerateTestSupport.settings(project);
        EmbeddedServer server = EmbeddedServer.shared();
        try (PasswordRole clusterAdmin = PasswordRole.md5Superuser("rse_cluster_admin", "Cluster-Pw-1");
             ThrowawayDatabase pro = ThrowawayDatabase.create(server, "pro", false);
             ThrowawayDatabase cluster = ThrowawayDatabase.create(server, "cluster", false)) {
            Environment postgres = CopyFixture.deploy(lint, pro, "pro");
            try (Connection admin = cluster.connect()) {
                RedshiftWireProxy.prepareCluster(admin, cluster.name());
            }
            CopyFixture.fillEvents(pro, 25_000);
            int backendPort = URI.create(cluster.url().substring("jdbc:".length())).getPort();
            try (RedshiftWireProxy proxy = new RedshiftWireProxy(0, backendPort)) {
                Environment redshift = CopyFixture.deploy(lint, new Environment("qa", "jdbc:redshift://localhost:"
                        + proxy.port() + "/" + cluster.name() + "?ssl=false", clusterAdmin.name(), "Cluster-Pw-1",
                        "flyway_schema_history", Map.of(), true, 600));
                List<String> progress = new ArrayList<>();
                List<CopyTable> events = List.of(new CopyTable("dw.events", "happened_at < DATEADD(hour, 5, "
                        + "'2026-01-01'::timestamp)", List.of("payload"), Map.of("label", "LEFT(label, 3)")));

                // 18,000 rows of 7 columns: batches of 4,681 rows (the protocol's 32,767 parameters), then the rest.
                TableCopy in = DataCopier.copy(new CopySettings(lint, postgres, redshift, events, false, false,
                        10_000, null), progress::add).get(0);
                assertTrue(in.proven(), in.toString());
                assertEquals(17_999, in.rows());

                TableCopy out = DataCopier.copy(new CopySettings(lint, redshift, postgres,
                        List.of(new CopyTable("dw.*", null, List.of("payload"), Map.of())), false, false, 1000, null),
                        progress::add).get(0);
                assertTrue(out.proven(), out.toString());
                assertEquals(17_999, out.rows());
                assertEquals(in.target(), out.source(), "the cluster's proof is the same, read in Redshift's SQL");
            }
        }
    }
}
