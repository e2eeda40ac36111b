package io.github.rsevolve.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile inputs: each becomes a located problem, never an exception. */
class SqlSourceReaderTest {

    @TempDir
    Path dir;

    private SqlScript read(Path file) {
        return new SqlSourceReader(dir, SqlSourceReader.DEFAULT_MAX_FILE_BYTES).read(file);
    }

    private static SqlProblem onlyProblem(SqlScript script) {
        assertEquals(1, script.problems().size(), script.problems().toString());
        return script.problems().get(0);
    }

    @Test
    void emptyFileHasNoStatementsAndNoProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.sql"), "");
        SqlScript script = read(file);
        assertTrue(script.isEmpty());
        assertTrue(script.problems().isEmpty());
        assertEquals("empty.sql", script.file().displayPath());
    }

    @Test
    void byteOrderMarkIsNotAColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("bom.sql"), "\uFEFFSELECT 1;");
        assertEquals(new SourcePosition(1, 1), read(file).statements().get(0).position());
    }

    @Test
    void binaryGarbageIsReportedNotParsed() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[100] = 0;
        Path file = Files.write(dir.resolve("garbage.sql"), garbage);
        SqlProblem problem = onlyProblem(read(file));
        assertEquals(SqlProblem.Kind.UNREADABLE_FILE, problem.kind());
        assertTrue(problem.message().contains("binary"), problem.message());
    }

    @Test
    void latin1IsReadAndTheFirstBadByteLocated() throws IOException {
        Path file = Files.write(dir.resolve("latin1.sql"),
                "SELECT 1;\nSELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        SqlScript script = read(file);
        SqlProblem problem = onlyProblem(script);
        assertEquals(SqlProblem.Kind.NOT_UTF8, problem.kind());
        assertEquals(new SourcePosition(2, 12), problem.position());
        assertEquals("SELECT 'caf\u00e9'", script.statements().get(1).text());
    }

    @Test
    void aDirectoryNamedLikeSqlIsReported() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("tables.sql"));
        assertTrue(onlyProblem(read(folder)).message().contains("directory"));
    }

    @Test
    void aDanglingLinkIsReported() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("gone.sql"), dir.resolve("missing-target.sql"));
        assertEquals(SqlProblem.Kind.UNREADABLE_FILE, onlyProblem(read(link)).kind());
    }

    @Test
    void aFiftyMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
        Path file = dir.resolve("huge.sql");
        byte[] line = "INSERT INTO t VALUES (1, 'abcdefghijklmnopqrstuvwxyz');\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        SqlProblem problem = onlyProblem(read(file));
        assertEquals(SqlProblem.Kind.UNREADABLE_FILE, problem.kind());
        assertTrue(problem.message().contains("50 MiB"), problem.message());
        assertTrue(problem.fix().contains("redshift.maxFileBytes"), problem.fix());
    }
}
