package io.github.rsevolve.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.lint.rules.Rule;
import io.github.rsevolve.core.lint.rules.RuleInfo;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs every case of every rule's sidecar file: the findings of the rule must be exactly the expected lines. */
class RuleCasesTest {

    @TempDir
    Path temp;

    @Test
    void everyRuleHasMetadataAndBadAndGoodExamples() {
        List<Rule> rules = Linter.rules();
        assertTrue(rules.size() >= 25, "built-in rules: " + rules.size());
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            assertNotNull(info, rule.getClass() + " lacks @RuleInfo");
            assertTrue(info.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), info.name() + " is not kebab-case");
            List<RuleCases.Case> cases = RuleCases.of(rule);
            assertTrue(cases.stream().anyMatch(c -> c.name().equals("bad")), info.name() + " has no bad case");
            assertTrue(cases.stream().anyMatch(c -> c.name().equals("good")), info.name() + " has no good case");
        }
        assertEquals(rules.size(), rules.stream().map(r -> r.info().id()).distinct().count(), "rule ids are unique");
        assertEquals(rules.size(), rules.stream().map(r -> r.info().name()).distinct().count(), "names are unique");
    }

    @Test
    void everyAnnotatedRuleClassIsRegistered() throws IOException {
        Path sources = Path.of("src/main/java/io/github/rsevolve/core/lint/rules");
        List<String> annotated;
        try (Stream<Path> files = Files.list(sources)) {
            annotated = files.filter(f -> read(f).contains("@RuleInfo("))
                    .map(f -> f.getFileName().toString().replace(".java", ""))
                    .sorted()
                    .toList();
        }
        List<String> registered = Linter.rules().stream().map(r -> r.getClass().getSimpleName()).sorted().toList();
        assertEquals(annotated, registered, "BuiltInRules lists every rule");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> ruleCases() {
        return Linter.rules().stream().flatMap(rule -> RuleCases.of(rule).stream()
                .map(c -> DynamicTest.dynamicTest(rule.info().name() + ": " + c.name(), () -> check(rule, c))));
    }

    private void check(Rule rule, RuleCases.Case testCase) throws IOException {
        Path base = Files.createTempDirectory(temp, "case");
        Path redshift = base.resolve("src/main/redshift");
        List<String> expected = new ArrayList<>(testCase.expectations().stream()
                .map(e -> "src/main/redshift/" + e).toList());
        List<Map.Entry<String, RuleCases.Expected>> detailed = new ArrayList<>();
        for (RuleCases.CaseFile file : testCase.files()) {
            Path target = redshift.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(),
                    file.latin1() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            for (RuleCases.Expected finding : RuleCases.expected(file)) {
                // A finding moved within its line must fail a case: every marker names its column and its text.
                assertTrue(finding.column() != null && finding.text() != null, () -> rule.info().name() + ": "
                        + testCase.name() + ": " + file.path() + ":" + finding.line() + ": write the marker as "
                        + "-- expect @<column> \"<part of the message>\"");
                expected.add("src/main/redshift/" + file.path() + ":" + finding.line());
                detailed.add(Map.entry("src/main/redshift/" + file.path(), finding));
            }
        }
        if ("bad".equals(testCase.name())) {
            assertFalse(expected.isEmpty(), "a bad example must expect a finding");
        }
        LintResult result = Linter.run(new LintSettings(base, redshift.resolve("absolute"),
                redshift.resolve("incremental"), redshift.resolve("etl"), Map.of(),
                RedshiftParser.DEFAULT_TIMEOUT_MILLIS, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1));
        List<String> actual = result.findings().stream()
                .filter(f -> f.rule().equals(rule.info().name()))
                .map(f -> f.file() + ":" + f.line())
                .sorted()
                .toList();
        assertEquals(expected.stream().sorted().toList(), actual, () -> "findings: " + result.findings());
        detailed.forEach(entry -> checkDetails(result, rule, entry.getKey(), entry.getValue()));
    }

    private static void checkDetails(LintResult result, Rule rule, String path, RuleCases.Expected finding) {
        assertTrue(result.findings().stream()
                .filter(f -> f.rule().equals(rule.info().name()) && f.file().equals(path)
                        && f.line() == finding.line())
                .anyMatch(f -> (finding.column() == null || f.column() == finding.column())
                        && (finding.text() == null || f.message().contains(finding.text()))),
                () -> "no finding at " + path + ":" + finding.line()
                        + (finding.column() == null ? "" : ":" + finding.column())
                        + (finding.text() == null ? "" : " containing \"" + finding.text() + "\"")
                        + "; findings: " + result.findings());
    }
}
