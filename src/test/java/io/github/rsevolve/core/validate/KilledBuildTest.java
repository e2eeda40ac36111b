package io.github.rsevolve.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.EmbeddedDatabases;
import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped in the middle (SIGTERM, as Ctrl-C or a CI cancel sends) drops its throwaway databases. The build
 * runs in a child JVM against this JVM's embedded server, so what it leaves behind can be counted here.
 */
class KilledBuildTest {

    @TempDir
    Path project;

    /** The child: validate with a changeset that sleeps, against the server at args[1]. */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        Path redshift = root.resolve("src/main/redshift");
        LintSettings lint = new LintSettings(root, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
        Validator.run(new ValidateSettings(lint, args[1], "postgres", EmbeddedLogin.password(), false, 120,
                "flyway_schema_history"));
    }

    private static long throwawayDatabases() throws Exception {
        return EmbeddedDatabases.count("rse\\_validate\\_%");
    }

    @Test
    void aTerminatedBuildDropsItsThrowawayDatabases() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__slow.sql"),
                "CREATE TABLE public.t (id INT);\nSELECT pg_sleep(60);");
        long before = throwawayDatabases();
        String url = EmbeddedServer.shared().url("postgres").replaceFirst("\\?.*$", "");
        Process child = EmbeddedLogin.handOver(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), KilledBuildTest.class.getName(),
                project.toString(), url))
                .redirectErrorStream(true).redirectOutput(project.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (throwawayDatabases() < before + 2 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(100);
            }
            assertEquals(before + 2, throwawayDatabases(), "the child made its databases: "
                    + Files.readString(project.resolve("child.log")));
            Thread.sleep(500);
        } finally {
            child.destroy();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ends on SIGTERM");
        assertEquals(before, throwawayDatabases(),
                "nothing left behind: " + Files.readString(project.resolve("child.log")));
    }
}
