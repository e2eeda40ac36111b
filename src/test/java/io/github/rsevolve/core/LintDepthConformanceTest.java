package io.github.rsevolve.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lint's default reads queries from their tokens; redshift.parseQueries adds JSqlParser's grammar. On both corpora
 * (skipped where absent) the two must agree on every finding but unparsed-statement, and every statement the token
 * reading finds a slip in is one JSqlParser rejects too: the default loses JSqlParser's false alarms, never a true
 * finding of another rule.
 */
class LintDepthConformanceTest {

    private static final String UNPARSED = "RS004";

    @Test
    void tokenReadingAgreesWithTheFullGrammarOnTheSharedCorpus() {
        Path corpus = Corpus.root();
        compare(corpus, corpus, corpus.resolve("none"), corpus.resolve("none"));
    }

    @Test
    void tokenReadingAgreesWithTheFullGrammarOnRealProjects() throws IOException {
        Path root = Path.of(System.getProperty("redshift.realWorldCorpus", "../realworld-corpus"));
        assumeTrue(Files.isDirectory(root), "no real-world corpus at " + root);
        List<Path> projects;
        try (Stream<Path> list = Files.list(root)) {
            projects = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(projects.size() >= 5, "projects: " + projects);
        for (Path project : projects) {
            compare(project, project.resolve("absolute"), project.resolve("incremental"), project.resolve("etl"));
        }
    }

    private static void compare(Path base, Path absolute, Path incremental, Path etl) {
        List<Finding> full = lint(base, absolute, incremental, etl, ParseDepth.FULL);
        List<Finding> tokens = lint(base, absolute, incremental, etl, ParseDepth.TOKENS);
        assertEquals(others(full), others(tokens), "findings other than unparsed-statement in " + base);
        Set<String> filesFullRejects = full.stream().filter(f -> f.ruleId().equals(UNPARSED)).map(Finding::file)
                .collect(Collectors.toSet());
        List<String> slipsJsqlParserTakes = new ArrayList<>();
        tokens.stream().filter(f -> f.ruleId().equals(UNPARSED) && !filesFullRejects.contains(f.file()))
                .forEach(f -> slipsJsqlParserTakes.add(f.toString()));
        assertEquals(List.of(), slipsJsqlParserTakes, "slips in files JSqlParser reads without a problem");
    }

    private static Set<String> others(List<Finding> findings) {
        return findings.stream().filter(f -> !f.ruleId().equals(UNPARSED)).map(Finding::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Finding> lint(Path base, Path absolute, Path incremental, Path etl, ParseDepth depth) {
        return Linter.run(new LintSettings(base, absolute, incremental, etl, Map.of(),
                RedshiftParser.DEFAULT_TIMEOUT_MILLIS, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 2, List.of(), depth))
                .findings();
    }
}
