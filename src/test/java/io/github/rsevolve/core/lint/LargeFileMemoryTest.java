package io.github.rsevolve.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 15 MB changeset, under the default file limit, linted in a JVM with a 256 MB heap: lint finishes, and the file
 * is either linted or reported by name as too large for the heap; it never ends in an OutOfMemoryError.
 */
class LargeFileMemoryTest {

    @TempDir
    Path project;

    /** Lints the project in args[0] and prints each finding; exits 0 when lint itself completed. */
    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        Path redshift = root.resolve("src/main/redshift");
        LintSettings settings = new LintSettings(root, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 2);
        Linter.check(ProjectLoader.load(settings.project()), settings).findings().forEach(System.out::println);
        System.out.println("lint completed");
    }

    @Test
    void aLargeFileUnderA256MegabyteHeapIsLintedOrNamedNeverACrash() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__orders.sql"), "CREATE TABLE public.orders (id INT, note "
                + "VARCHAR(200));\n");
        Path large = incremental.resolve("V2__backfill.sql");
        try (BufferedWriter out = Files.newBufferedWriter(large)) {
            for (int row = 0; Files.size(large) < 15L * 1024 * 1024 || row % 100 != 0; row++) {
                out.write("INSERT INTO public.orders VALUES (" + row + ", 'backfilled order " + row + "');\n");
                if (row % 10_000 == 0) {
                    out.flush();
                }
            }
        }
        Path log = project.resolve("lint.log");
        Process lint = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LargeFileMemoryTest.class.getName(),
                project.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "lint finished");
        String output = Files.readString(log);
        assertEquals(0, lint.exitValue(), output);
        assertTrue(output.contains("lint completed"), output);
        assertTrue(!output.contains("OutOfMemoryError"), output);
        assertTrue(!output.contains("V2__backfill.sql") || output.contains("needs more memory than the build has"),
                "a finding on the large file is the memory message: " + output.lines().limit(5).toList());
    }
}
