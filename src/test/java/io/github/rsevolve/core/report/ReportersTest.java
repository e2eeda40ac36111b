package io.github.rsevolve.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.finding.CheckInfo;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintResult;
import io.github.rsevolve.core.validate.ValidateResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact text of the reports, so their format does not rot. */
class ReportersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Finding DROP = new Finding("RS402", "drop-column", Severity.WARNING,
            "src/main/redshift/incremental/V12__drop.sql", 3, 23, "Column dw.orders.note is dropped with its data.");
    private static final Finding SECRET = new Finding("RS701", "plaintext-secret", Severity.ERROR,
            "src/main/redshift/incremental/V1__users.sql", 1, 33, "The user's password is written in plain text.");
    private static final LintResult RESULT = new LintResult(List.of(SECRET, DROP), 2, 5, 42);

    @TempDir
    Path dir;

    @Test
    void logLinesAreGroupedByFileAndEndWithASummary() {
        List<String> lines = TextReporter.lines(RESULT.findings(), TextReporter.summary(RESULT)).stream().map(
                TextReporter.Line::text).toList();
        assertEquals(List.of(
                "src/main/redshift/incremental/V1__users.sql",
                "  src/main/redshift/incremental/V1__users.sql:1:33: error [plaintext-secret] The user's password is "
                        + "written in plain text.",
                "src/main/redshift/incremental/V12__drop.sql",
                "  src/main/redshift/incremental/V12__drop.sql:3:23: warning [drop-column] Column dw.orders.note is "
                        + "dropped with its data.",
                "redshift:lint: 1 error(s), 1 warning(s), 0 info in 2 file(s), 5 statement(s), 42 ms"), lines);
    }

    @Test
    void jsonWithExtraDataHasItsFieldsBesideTheFindings() throws IOException {
        Path json = dir.resolve("info.json");
        JsonReporter.write(List.of(DROP), json, Map.of("environment", "qa", "version", List.of(1, 2)));
        JsonNode root = JSON.readTree(json.toFile());
        assertEquals("qa", root.get("environment").asText());
        assertEquals(2, root.get("version").get(1).asInt());
        assertEquals("RS402", root.get("findings").get(0).get("ruleId").asText());
        assertEquals(3, root.size());
    }

    @Test
    void jsonHasOneObjectPerFinding() throws IOException {
        Path json = dir.resolve("lint.json");
        JsonReporter.write(List.of(DROP), json, null);
        JsonNode finding = JSON.readTree(json.toFile()).get(0);
        assertEquals("drop-column", finding.get("rule").asText());
        assertEquals("RS402", finding.get("ruleId").asText());
        assertEquals("warning", finding.get("severity").asText());
        assertEquals("src/main/redshift/incremental/V12__drop.sql", finding.get("file").asText());
        assertEquals(3, finding.get("line").asInt());
        assertEquals(23, finding.get("column").asInt());
        assertEquals(DROP.message(), finding.get("message").asText());
    }

    /** Every id a validate report contains is a listed check, and no two checks share an id or a name. */
    @Test
    void everyReportedIdIsAListedCheck() throws IOException {
        RegenerateTestSupport.write(dir, "absolute/t.sql", "CREATE TABLE public.t (id INT, name VARCHAR(10));\n"
                + "CREATE EXTERNAL SCHEMA spectrum FROM DATA CATALOG DATABASE 'x' IAM_ROLE 'arn:aws:iam::1:role/r';");
        RegenerateTestSupport.write(dir, "incremental/V1__t.sql", "CREATE TABLE public.t (id INT);");
        RegenerateTestSupport.write(dir, "etl/load.sql", "CREATE TEMP TABLE stage (id SERIAL);");
        RegenerateTestSupport.write(dir, "etl/report.sql", "SELECT nmae FROM public.t;");
        ValidateResult result = RegenerateTestSupport.validate(dir);
        Set<String> listed = Checks.all().stream().map(CheckInfo::id).collect(Collectors.toSet());
        assertEquals(Checks.all().size(), listed.size(), "ids are unique");
        assertEquals(Checks.all().size(), Checks.all().stream().map(CheckInfo::name).distinct().count(),
                "names are unique");
        Set<String> reported = result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        assertTrue(reported.containsAll(Set.of("RS101", "RSV02", "RSV03", "RSV04")), reported.toString());
        assertEquals(Set.of(), reported.stream().filter(id -> !listed.contains(id)).collect(Collectors.toSet()));
    }

    @Test
    void sarifNamesEveryRuleAndLocatesEveryResult() throws IOException {
        Path sarif = dir.resolve("lint.sarif");
        SarifReporter.write(List.of(SECRET, DROP), "0.1.0", dir, sarif);
        JsonNode run = JSON.readTree(sarif.toFile()).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(Checks.all().size(), rules.size());
        JsonNode result = run.get("results").get(1);
        assertEquals("RS402", result.get("ruleId").asText());
        JsonNode rule = rules.get(result.get("ruleIndex").asInt());
        assertEquals("RS402", rule.get("id").asText());
        assertEquals("drop-column", rule.get("name").asText());
        assertEquals("warning", result.get("level").asText());
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertEquals(DROP.file(), location.get("artifactLocation").get("uri").asText());
        assertEquals(3, location.get("region").get("startLine").asInt());
        assertEquals(23, location.get("region").get("startColumn").asInt());
        assertEquals("error", run.get("results").get(0).get("level").asText());
    }

    /** A folder configured outside the project still gives locations relative to it, as code scanning needs. */
    @Test
    void sarifLocationsAreRelativeToTheProjectAlsoOutsideIt() throws IOException {
        Path project = dir.resolve("module");
        String outside = dir.resolve("shared sql/a.sql").toAbsolutePath().toString();
        Path sarif = dir.resolve("outside.sarif");
        SarifReporter.write(List.of(new Finding(DROP.ruleId(), DROP.rule(), DROP.severity(), outside, 1, 1, "m")),
                "0.1.0", project, sarif);
        JsonNode run = JSON.readTree(sarif.toFile()).get("runs").get(0);
        assertEquals("../shared%20sql/a.sql", run.get("results").get(0).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertEquals(project.toAbsolutePath().normalize().toUri().toString(),
                run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText());
    }
}
