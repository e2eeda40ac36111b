package io.github.rsevolve.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the loader lists the three folders. */
class ProjectLoaderTest {

    @TempDir
    Path base;

    @Test
    void listsSqlFilesAtAnyDepthSortedByPathAndRemembersAnEmptyFolder() throws IOException {
        Path etl = Files.createDirectories(base.resolve("etl/daily"));
        Files.writeString(etl.resolve("b.sql"), "SELECT 1;");
        Files.writeString(base.resolve("etl/a.SQL"), "SELECT 2;");
        Files.writeString(base.resolve("etl/notes.txt"), "not SQL");
        Files.createDirectories(base.resolve("absolute"));

        Project project = load();

        assertEquals(List.of("etl/a.SQL", "etl/daily/b.sql"), displayPaths(project.etl()));
        assertEquals(List.of(base.resolve("absolute")), project.emptyFolders());
    }

    @Test
    void aFolderThatIsALinkIsListedThroughTheLink() throws IOException {
        Path real = Files.createDirectories(base.resolve("shared-sql"));
        Files.writeString(real.resolve("report.sql"), "SELECT 1;");
        Files.createSymbolicLink(base.resolve("etl"), real);

        assertEquals(List.of("etl/report.sql"), displayPaths(load().etl()));
    }

    @Test
    void aFolderNamedLikeAnSqlFileIsListedForTheReaderToReport() throws IOException {
        Files.createDirectories(base.resolve("etl/old.sql"));
        Files.writeString(base.resolve("etl/old.sql/inner.sql"), "SELECT 1;");

        Project project = load();

        assertEquals(List.of("etl/old.sql", "etl/old.sql/inner.sql"), displayPaths(project.etl()));
        assertEquals("It is a directory, but its name ends in .sql.",
                project.etl().get(0).script().problems().get(0).message());
    }

    private Project load() {
        return ProjectLoader.load(new ProjectSettings(base, base.resolve("absolute"), base.resolve("incremental"),
                base.resolve("etl"), 10_000, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 2, List.of(),
                ParseDepth.TOKENS));
    }

    private static List<String> displayPaths(List<Script> scripts) {
        return scripts.stream().map(script -> script.file().displayPath()).toList();
    }
}
