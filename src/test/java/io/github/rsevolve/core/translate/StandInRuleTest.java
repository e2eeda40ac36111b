package io.github.rsevolve.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.validate.ValidateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each guard of the stand-in rejects its rule's case with Redshift's rule named, at the rejected statement, and
 * lets the accepted twin through: validate of a changeset chain that sets up, then runs the statement on its own.
 */
class StandInRuleTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyGuardRejectsItsCaseAndAcceptsItsTwin() {
        return Arrays.stream(StandInRule.values()).flatMap(rule -> Stream.of(
                DynamicTest.dynamicTest(rule.id() + ": rejected", () -> {
                    List<Finding> errors = errors(rule.rejected());
                    assertEquals(1, errors.size(), errors.toString());
                    Finding error = errors.get(0);
                    assertEquals("src/main/redshift/incremental/V2__statement.sql", error.file());
                    assertEquals(1, error.line());
                    assertTrue(error.message().contains("Redshift rejects this [" + rule.id() + "]: "
                            + rule.rule() + " (docs: " + rule.docs() + ")"), error.message());
                }),
                DynamicTest.dynamicTest(rule.id() + ": accepted", () ->
                        assertEquals(List.of(), errors(rule.accepted())))));
    }

    /** The database's errors for a chain: V1 sets up what the case's first lines create, V2 runs its last line. */
    private List<Finding> errors(String sql) throws IOException {
        Path project = Files.createTempDirectory(temp, "case");
        List<String> lines = sql.lines().toList();
        String setUp = "CREATE SCHEMA dw;\n" + String.join("\n", lines.subList(0, lines.size() - 1));
        RegenerateTestSupport.write(project, "incremental/V1__set_up.sql", setUp);
        RegenerateTestSupport.write(project, "incremental/V2__statement.sql", lines.get(lines.size() - 1));
        ValidateResult result = RegenerateTestSupport.validate(project);
        return result.checks().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> !f.rule().equals("drift")).toList();
    }
}
