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

    @Test
    void committedRuleDocsAreCurrent() throws IOException {
        String generated = RuleDocs.markdown(Linter.rules());
        if (Boolean.getBoolean("redshift.writeDocs")) {
            Files.createDirectories(DOCS.getParent());
            Files.writeString(DOCS, generated);
        }
        String committed = Files.exists(DOCS) ? Files.readString(DOCS) : "";
        assertEquals(generated, committed, "docs/rules.md is stale: run mvn test -Dtest=RuleDocsTest "
                + "-Dredshift.writeDocs=true and commit it");
    }
}
