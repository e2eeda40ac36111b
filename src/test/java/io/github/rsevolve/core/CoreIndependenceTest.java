package io.github.rsevolve.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core knows nothing of Maven: only the Mojos in io.github.rsevolve.maven may import it. */
class CoreIndependenceTest {

    @Test
    void coreImportsNoMavenClass() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/github/rsevolve/core"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("import org.apache.maven"))
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
