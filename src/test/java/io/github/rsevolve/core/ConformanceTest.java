package io.github.rsevolve.core;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.sql.SqlProblem;
import io.github.rsevolve.core.sql.SqlScript;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine over the shared corpus of public Redshift SQL (skipped when it is absent) and writes
 * target/conformance.md: how many statements are split, parsed and modelled, and every failure with its reason.
 * {@code -Dredshift.writeDocs=true} also refreshes the committed docs/conformance.md.
 */
class ConformanceTest {

    /** Statements that must be modelled with their physical attributes. */
    private static final Set<StatementKind> MODELLED = EnumSet.of(StatementKind.CREATE_TABLE,
            StatementKind.CREATE_TABLE_AS, StatementKind.ALTER_TABLE, StatementKind.CREATE_VIEW,
            StatementKind.CREATE_MATERIALIZED_VIEW);

    @Test
    void corpusIsSplitParsedAndModelled() throws IOException {
        Path corpus = Path.of(System.getProperty("redshift.corpus", "../shared/corpus/redshift-sql"));
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        SqlSourceReader reader = new SqlSourceReader(corpus, SqlSourceReader.DEFAULT_MAX_FILE_BYTES);
        Map<StatementKind, int[]> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int statements = 0;
        int understood = 0;
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            for (Path file : files) {
                SqlScript script = reader.read(file);
                String lost = textOutsideStatements(script);
                assertTrue(lost.isEmpty(), file + " loses text between statements: " + lost);
                for (SqlProblem problem : script.problems()) {
                    failures.add(problem.file() + ":" + problem.position() + " split: " + problem.message());
                }
                for (SqlStatement statement : script.statements()) {
                    statements++;
                    ParsedStatement parsed = parser.parse(statement);
                    int[] counts = byKind.computeIfAbsent(parsed.kind(), k -> new int[2]);
                    counts[0]++;
                    if (parsed.understood()) {
                        understood++;
                        counts[1]++;
                    }
                    for (SqlProblem problem : parsed.problems()) {
                        failures.add(problem.file() + ":" + problem.position() + " " + parsed.kind() + ": "
                                + problem.message());
                    }
                }
            }
        }
        int modelTotal = MODELLED.stream().mapToInt(k -> byKind.getOrDefault(k, new int[2])[0]).sum();
        int modelled = MODELLED.stream().mapToInt(k -> byKind.getOrDefault(k, new int[2])[1]).sum();
        String report = report(files.size(), statements, understood, modelTotal, modelled, byKind, failures);
        Files.writeString(Path.of("target/conformance.md"), report);
        if (Boolean.getBoolean("redshift.writeDocs")) {
            Files.writeString(Path.of("docs/conformance.md"), report);
        }
        assertTrue(modelled >= 0.97 * modelTotal, "modelled " + modelled + " of " + modelTotal + "\n" + report);
    }

    /**
     * What the file has between, before and after its statements besides blanks, comments and semicolons: nothing
     * when the splitter dropped and truncated nothing.
     */
    private static String textOutsideStatements(SqlScript script) {
        String text = script.file().text();
        StringBuilder outside = new StringBuilder();
        int previousEnd = 0;
        for (SqlStatement statement : script.statements()) {
            outside.append(text, previousEnd, statement.startOffset());
            previousEnd = statement.endOffset();
        }
        outside.append(text.substring(previousEnd));
        return outside.toString().replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\\n\\r]*", "")
                .replaceAll("[\\s;]", "");
    }

    private static String report(int files, int statements, int understood, int modelTotal, int modelled,
                                 Map<StatementKind, int[]> byKind, List<String> failures) {
        StringBuilder out = new StringBuilder("# Conformance on the shared Redshift corpus\n\n")
                .append("Generated by `ConformanceTest` (`mvn test -Dtest=ConformanceTest -Dredshift.writeDocs=true`)"
                        + ".\n\n")
                .append(String.format("- %d files, %d statements split, no crash, no truncation%n", files, statements))
                .append(String.format("- %d statements understood (%.1f%%)%n", understood,
                        100.0 * understood / statements))
                .append(String.format("- CREATE/ALTER TABLE, CREATE VIEW, CREATE MATERIALIZED VIEW: %d of %d "
                        + "modelled with their physical attributes (%.1f%%)%n%n", modelled, modelTotal,
                        100.0 * modelled / modelTotal))
                .append("| kind | statements | understood |\n|---|---|---|\n");
        byKind.forEach((kind, counts) -> out.append("| ").append(kind).append(" | ").append(counts[0]).append(" | ")
                .append(counts[1]).append(" |\n"));
        out.append("\n## What is not understood, and why\n\nDocumentation examples include placeholders such as "
                + "`<table_name>` and deliberately invalid SQL: a finding on those is right.\n\n");
        failures.forEach(f -> out.append("- ").append(f.replace("|", "\\|")).append('\n'));
        return out.toString();
    }
}
