package io.github.rsevolve.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core knows nothing of Maven (only the Mojos in io.github.rsevolve.maven may use it), and its packages form
 * layers: each imports only from the layers below it, so there is no cycle and nothing runs back up.
 */
class CoreIndependenceTest {

    private static final Path CORE = Path.of("src/main/java/io/github/rsevolve/core");

    /** Lowest first; a package may use its own layer and those before it. */
    private static final List<String> LAYERS = List.of("sql", "model", "parse", "graph", "finding", "project",
            "lint.rules", "lint", "translate", "db", "catalog", "execute", "migrate", "validate", "changes", "copy",
            "report");

    private static final Pattern CORE_USE = Pattern.compile("io\\.github\\.rsevolve\\.core\\.([a-z.]+)\\.[A-Z]");

    @Test
    void coreUsesNoMavenClass() throws IOException {
        List<String> offenders = coreFiles().stream()
                .filter(p -> read(p).contains("org.apache.maven"))
                .map(Path::toString)
                .toList();
        assertEquals(List.of(), offenders, "imports or fully qualified names of Maven classes");
    }

    @Test
    void packagesUseOnlyTheLayersBelowThem() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path file : coreFiles()) {
            String own = CORE.relativize(file.getParent()).toString().replace('/', '.');
            int ownLayer = layer(own, file);
            Matcher use = CORE_USE.matcher(read(file));
            while (use.find()) {
                String used = use.group(1);
                if (layer(used, file) > ownLayer) {
                    upward.add(own + " -> " + used + " (" + file.getFileName() + ")");
                }
            }
        }
        assertEquals(List.of(), upward.stream().distinct().toList());
    }

    @Test
    void migrateDoesNotUseValidate() throws IOException {
        List<String> offenders = coreFiles().stream()
                .filter(p -> p.getParent().endsWith("migrate") && read(p).contains("core.validate."))
                .map(Path::toString)
                .toList();
        assertEquals(List.of(), offenders);
    }

    private static int layer(String corePackage, Path where) {
        int layer = LAYERS.indexOf(corePackage);
        if (layer < 0) {
            throw new AssertionError(where + ": package core." + corePackage + " has no place in LAYERS");
        }
        return layer;
    }

    private static List<Path> coreFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CORE)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
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
