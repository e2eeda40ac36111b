package io.github.rsevolve.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus of public Redshift SQL; tests that use it are skipped where it is absent. */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        Path corpus = Path.of(System.getProperty("redshift.corpus", "../shared/corpus/redshift-sql"));
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        return corpus;
    }

    /** Its .sql files, sorted. */
    public static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    public static SqlSourceReader reader() {
        return new SqlSourceReader(root(), SqlSourceReader.DEFAULT_MAX_FILE_BYTES);
    }
}
