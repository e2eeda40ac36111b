package io.github.rsevolve.core.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.validate.ValidateResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UNLOAD and COPY statements of the S3 path, checked as text and through the SQL engine, since no Redshift
 * cluster or S3 bucket is reachable here: exactly the statements expected, parsed as Redshift's UNLOAD and COPY, and
 * validated as ETL against the model (the UNLOAD's query compiles, the COPY's table and columns exist).
 */
class S3TransferTest {

    private static final String MODEL = """
            CREATE SCHEMA dw;
            CREATE TABLE dw.orders (
                order_id BIGINT IDENTITY(1, 1),
                "order" VARCHAR(20),
                email VARCHAR(100),
                note VARCHAR(200),
                order_date DATE
            ) DISTKEY (order_id) SORTKEY (order_date);
            """;

    private static final S3Staging STAGING = new S3Staging("s3://acme-copies/copy-data",
            "arn:aws:iam::123456789012:role/pro-unload", "arn:aws:iam::123456789012:role/qa-copy", "eu-west-1");

    @TempDir
    Path project;

    /** Every column but the excluded note, the email masked, a filter with a quoted literal. */
    private static CopyPlan orders() {
        Map<String, String> expressions = new LinkedHashMap<>();
        expressions.put("order_id", "\"order_id\"");
        expressions.put("order", "\"order\"");
        expressions.put("email", "(MD5(email))");
        expressions.put("order_date", "\"order_date\"");
        return new CopyPlan("dw.orders", expressions, Map.of("order_id", "exact"),
                "order_date >= DATEADD(day, -90, GETDATE()) AND \"order\" <> 'it''s'", true);
    }

    private static S3Transfer.Statements statements() {
        String folder = S3Transfer.runFolder(STAGING, "pro", "qa", Instant.parse("2026-11-21T10:15:00Z"));
        return S3Transfer.statements(STAGING, folder, orders());
    }

    @Test
    void generatesTheExactUnloadAndCopy() {
        S3Transfer.Statements sql = statements();
        assertEquals("""
                UNLOAD ('SELECT "order_id", "order", (MD5(email)), "order_date" FROM "dw"."orders" \
                WHERE order_date >= DATEADD(day, -90, GETDATE()) AND "order" <> ''it''''s''')
                TO 's3://acme-copies/copy-data/pro-to-qa/20261121T101500Z/dw.orders/'
                IAM_ROLE 'arn:aws:iam::123456789012:role/pro-unload'
                DELIMITER '|' ESCAPE NULL AS '\\\\N' GZIP MANIFEST
                REGION 'eu-west-1'""", sql.unload());
        assertEquals("""
                COPY "dw"."orders" ("order_id", "order", "email", "order_date")
                FROM 's3://acme-copies/copy-data/pro-to-qa/20261121T101500Z/dw.orders/manifest'
                IAM_ROLE 'arn:aws:iam::123456789012:role/qa-copy'
                MANIFEST DELIMITER '|' ESCAPE NULL AS '\\\\N' GZIP TIMEFORMAT 'auto' COMPUPDATE OFF EXPLICIT_IDS
                REGION 'eu-west-1'""", sql.copy());
    }

    @Test
    void usesTheClusterDefaultRoleAndEscapesBackslashesInTheQuery() {
        S3Staging staging = new S3Staging("s3://acme-copies/", "default", "DEFAULT", null);
        CopyPlan plan = new CopyPlan("dw.orders", Map.of("note", "\"note\""), Map.of(), "note LIKE 'a\\_%'", false);
        S3Transfer.Statements sql = S3Transfer.statements(staging, "s3://acme-copies/run/", plan);
        assertEquals("UNLOAD ('SELECT \"note\" FROM \"dw\".\"orders\" WHERE note LIKE ''a\\\\_%''')\n"
                + "TO 's3://acme-copies/run/dw.orders/'\nIAM_ROLE default\n"
                + "DELIMITER '|' ESCAPE NULL AS '\\\\N' GZIP MANIFEST", sql.unload());
        assertTrue(sql.copy().contains("IAM_ROLE default\n") && !sql.copy().contains("EXPLICIT_IDS")
                && !sql.copy().contains("REGION"), sql.copy());
    }

    @Test
    void parsesAsRedshiftUnloadAndCopy() {
        S3Transfer.Statements sql = statements();
        List<SqlStatement> split = SqlSplitter.split(SourceFile.of(Path.of("s3.sql"), "s3.sql",
                sql.unload() + ";\n" + sql.copy() + ";\n")).statements();
        assertEquals(2, split.size());
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            ParsedStatement unload = parser.parse(split.get(0));
            ParsedStatement copy = parser.parse(split.get(1));
            assertEquals(StatementKind.UNLOAD, unload.kind());
            assertEquals(StatementKind.COPY, copy.kind());
            assertEquals(ObjectName.parse("dw.orders"), copy.target());
            assertTrue(unload.understood() && copy.understood(), unload.problems() + " " + copy.problems());
        }
    }

    @Test
    void validatesAsEtlAgainstTheModel() throws Exception {
        S3Transfer.Statements sql = statements();
        RegenerateTestSupport.write(project, "absolute/dw.sql", MODEL);
        RegenerateTestSupport.write(project, "incremental/V1__model.sql", MODEL);
        RegenerateTestSupport.write(project, "etl/copy.sql", sql.unload() + ";\n\n" + sql.copy() + ";\n");
        ValidateResult result = RegenerateTestSupport.validate(project);
        assertEquals(0, result.count(Severity.ERROR), result.findings().toString());
        assertEquals(List.of("etl/copy.sql"), result.etlFiles().stream()
                .map(f -> f.replace('\\', '/').replaceAll("^.*?(etl/)", "$1")).toList());

        // The check has teeth: a column the model lacks fails the same validation.
        RegenerateTestSupport.write(project, "etl/copy.sql", sql.copy().replace("\"email\"", "\"mail\"") + ";\n");
        ValidateResult broken = RegenerateTestSupport.validate(project);
        assertTrue(broken.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR
                && f.message().contains("mail")), broken.findings().toString());
    }

    @Test
    void refusesAStagingThatIsNotS3OrARole() {
        RedshiftException location = assertThrows(RedshiftException.class,
                () -> new S3Staging("acme-copies/copy-data", "default", "default", null));
        assertTrue(location.getMessage().contains("give an s3:// folder"), location.getMessage());
        RedshiftException role = assertThrows(RedshiftException.class,
                () -> new S3Staging("s3://acme-copies/", "AKIAIOSFODNN7EXAMPLE", "default", null));
        assertTrue(role.getMessage().contains("give the ARN of a role"), role.getMessage());
    }
}
