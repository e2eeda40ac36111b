package io.github.rsevolve.core.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.migrate.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of several million rows copied over JDBC by a JVM with a fixed heap of 256 MB: the rows are streamed, never
 * held. The copy runs in a child JVM started with -Xmx256m; running out of heap ends it with a failure.
 */
class LargeTableCopyTest {

    private static final long ROWS = Long.getLong("redshift.largeCopyRows", 3_000_000);

    @TempDir
    Path project;

    @Test
    void copiesMillionsOfRowsWithin256MegabytesOfHeap() throws Exception {
        RegenerateTestSupport.write(project, "incremental/V1__model.sql", CopyFixture.EVENTS_MODEL);
        EmbeddedServer server = EmbeddedServer.shared();
        try (ThrowawayDatabase pro = ThrowawayDatabase.create(server, "pro", false);
             ThrowawayDatabase qa = ThrowawayDatabase.create(server, "qa", false)) {
            Environment from = CopyFixture.deploy(RegenerateTestSupport.settings(project), pro, "pro");
            Environment to = CopyFixture.deploy(RegenerateTestSupport.settings(project), qa, "qa");
            CopyFixture.fillEvents(pro, ROWS);

            Path log = project.resolve("child.log");
            Process child = EmbeddedLogin.handOver(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                    "java").toString(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                    System.getProperty("java.class.path"), LargeTableCopyTest.class.getName(), project.toString(),
                    from.url(), to.url()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the copy did not end within 10 minutes");
            String output = Files.readString(log);
            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains(String.format("dw.events: %,d rows", ROWS))
                    && output.contains("proof: count, sums and checksum match"), output);
        }
    }

    /** The child: copies dw.events from the first URL's database to the second's; exits 1 on a failed proof. */
    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        List<TableCopy> copies = DataCopier.copy(new CopySettings(RegenerateTestSupport.settings(project),
                CopyFixture.environment("pro", args[1]), CopyFixture.environment("qa", args[2]),
                List.of(new CopyTable("dw.events", null, List.of(), Map.of())), false, false, 10_000, null),
                System.out::println);
        System.exit(copies.stream().allMatch(TableCopy::proven) ? 0 : 1);
    }
}
