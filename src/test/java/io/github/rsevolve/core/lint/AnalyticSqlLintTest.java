package io.github.rsevolve.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.bench.AnalyticQueries;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint benchmark's generated analytic SQL (bench/lint.sh) is what it claims: at least 200 statements of 2-8 KB,
 * which lint reads without a finding (a false alarm there would be timed as if it were work).
 */
class AnalyticSqlLintTest {

    @Test
    void theGeneratedAnalyticQueriesAreLongAndClean(@TempDir Path project) throws IOException {
        AnalyticQueries.write(project, 240);
        Path redshift = project.resolve("src/main/redshift");
        LintResult result = Linter.run(new LintSettings(project, redshift.resolve("absolute"),
                redshift.resolve("incremental"), redshift.resolve("etl"), Map.of(),
                RedshiftParser.DEFAULT_TIMEOUT_MILLIS, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 2));
        assertEquals(0, result.findings().size(), () -> String.valueOf(result.findings()));
        // The schema file's statements are short; every other statement is one of the generated queries.
        assertTrue(result.statements() >= 240, "statements: " + result.statements());
        for (int n = 0; n < 240; n++) {
            int bytes = AnalyticQueries.statement(n, n < 40).length();
            assertTrue(bytes >= 2048 && bytes <= 8192, "statement " + n + " is " + bytes + " bytes");
        }
    }
}
