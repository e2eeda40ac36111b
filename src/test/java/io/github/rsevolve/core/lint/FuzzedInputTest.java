package io.github.rsevolve.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.lint.rules.Rule;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint never crashes on what a file can hold: 2,400 inputs made by breaking the rules' own example SQL (cut short,
 * a token dropped or doubled, a stray fragment such as {@code $$x$$} or an open quote put in), each linted as part of
 * the absolute model, as a changeset and as an ETL file, with every rule on.
 */
class FuzzedInputTest {

    private static final int INPUTS = 2_400;
    private static final int PER_PROJECT = 80;

    private static final String[] FRAGMENTS = {"$$x$$", "$tag$ body $tag$", "'", "''", "\"", "\"x\"\"y\"", "(",
            ")", "((", "))", ",", ";", "DROP", "TABLE", "VIEW", "CASCADE", "ALTER", "COLUMN", "ADD", "SORTKEY",
            "DISTKEY (", "INTERLEAVED SORTKEY (", "IDENTITY(", "WITH RECURSIVE", "OVER (", "ORDER BY", "ROWS",
            "-- comment", "/*", "*/", "E'\\\\'", "::", "+", "(+)", "1e99", "NULL", "AS", "SELECT", "FROM", "WHERE",
            "GRANT", "ON", "TO", "COMMENT ON", "IS", "MATERIALIZED", "AUTO REFRESH YES", "DEFAULT", "ENCODE",
            "NOT NULL", "PRIMARY KEY", "REFERENCES", "IF NOT EXISTS", "RENAME TO", "#temp", "é", "\\", "\t"};

    @TempDir
    Path temp;

    /** The SQL of every rule's cases, one statement text per seed. */
    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (Rule rule : Linter.rules()) {
            for (RuleCases.Case testCase : RuleCases.of(rule)) {
                for (RuleCases.CaseFile file : testCase.files()) {
                    for (String statement : file.sql().split(";")) {
                        if (!statement.isBlank()) {
                            seeds.add(statement.strip());
                        }
                    }
                }
            }
        }
        return seeds;
    }

    static List<String> inputs(long seed) {
        List<String> seeds = seeds();
        Random random = new Random(seed);
        List<String> inputs = new ArrayList<>();
        while (inputs.size() < INPUTS) {
            String text = seeds.get(random.nextInt(seeds.size()));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, random);
            }
            inputs.add(text + (random.nextBoolean() ? ";" : ""));
        }
        return inputs;
    }

    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return FRAGMENTS[random.nextInt(FRAGMENTS.length)];
        }
        int at = random.nextInt(text.length() + 1);
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at);
            case 1 -> {
                String[] words = text.split(" ");
                int drop = random.nextInt(words.length);
                List<String> kept = new ArrayList<>(List.of(words));
                kept.remove(drop);
                yield String.join(" ", kept);
            }
            case 2 -> text.substring(0, at) + " " + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + " "
                    + text.substring(at);
            default -> {
                int end = at + random.nextInt(text.length() - at + 1);
                yield text.substring(0, end) + " " + text.substring(at);
            }
        };
    }

    /** The first input of a batch that crashes lint on its own, for the message. */
    private String culprit(List<String> batch) throws IOException {
        for (String input : batch) {
            Path project = Files.createTempDirectory(temp, "culprit");
            Path etl = Files.createDirectories(project.resolve("src/main/redshift/etl"));
            Files.writeString(etl.resolve("f.sql"), input);
            try {
                Linter.run(new LintSettings(project, project.resolve("src/main/redshift/absolute"),
                        project.resolve("src/main/redshift/incremental"), etl, Map.of(),
                        RedshiftParser.DEFAULT_TIMEOUT_MILLIS, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1));
            } catch (RuntimeException e) {
                return "the input\n" + input + "\n";
            }
        }
        return "the batch together (no input alone):\n" + String.join("\n---\n", batch);
    }

    @Test
    void lintNeverCrashesOnBrokenSql() throws IOException {
        List<String> inputs = inputs(Long.getLong("redshift.fuzzSeed", 20261201));
        assertEquals(INPUTS, inputs.size());
        int linted = 0;
        for (int from = 0; from < inputs.size(); from += PER_PROJECT) {
            Path project = Files.createTempDirectory(temp, "fuzz");
            Path redshift = project.resolve("src/main/redshift");
            for (String folder : List.of("absolute", "incremental", "etl")) {
                Files.createDirectories(redshift.resolve(folder));
            }
            List<String> batch = inputs.subList(from, Math.min(inputs.size(), from + PER_PROJECT));
            for (int i = 0; i < batch.size(); i++) {
                Files.writeString(redshift.resolve("absolute/f" + i + ".sql"), batch.get(i));
                Files.writeString(redshift.resolve("incremental/V" + (i + 1) + "__f.sql"), batch.get(i));
                Files.writeString(redshift.resolve("etl/f" + String.format("%03d", i) + ".sql"), batch.get(i));
            }
            LintSettings settings = new LintSettings(project, redshift.resolve("absolute"),
                    redshift.resolve("incremental"), redshift.resolve("etl"), Map.of(),
                    RedshiftParser.DEFAULT_TIMEOUT_MILLIS, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
            LintResult result;
            try {
                result = Linter.run(settings);
            } catch (RuntimeException crash) {
                throw new AssertionError("lint crashed on " + culprit(batch) + ": " + crash, crash);
            }
            assertTrue(result.files() >= batch.size(), "every file was read");
            try (Stream<Path> files = Files.list(redshift.resolve("etl"))) {
                linted += (int) files.count();
            }
        }
        assertEquals(INPUTS, linted);
    }
}
