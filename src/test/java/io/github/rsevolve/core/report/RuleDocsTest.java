package io.github.rsevolve.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rsevolve.core.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the rules; this test fails when it is stale. Regenerate with
 * {@code mvn test -Dtest=RuleDocsTest -Dredshift.writeDocs=true}.
 */
class RuleDocsTest {

    private static final Path DOCS = Path.of("docs/rules.md");
    private static final Path REDSHIFT_RULES = Path.of("docs/redshift-rules.md");

    @Test
    void committedRuleDocsAreCurrent() throws IOException {
        assertCurrent(DOCS, RuleDocs.markdown(Linter.rules()));
    }

    @Test
    void committedRedshiftRulesAreCurrent() throws IOException {
        assertCurrent(REDSHIFT_RULES, RuleDocs.redshiftRules(Linter.rules()));
    }

    private static void assertCurrent(Path docs, String generated) throws IOException {
        if (Boolean.getBoolean("redshift.writeDocs")) {
            Files.createDirectories(docs.getParent());
            Files.writeString(docs, generated);
        }
        String committed = Files.exists(docs) ? Files.readString(docs) : "";
        assertEquals(generated, committed, docs + " is stale: run mvn test -Dtest=RuleDocsTest "
                + "-Dredshift.writeDocs=true and commit it");
    }
}
