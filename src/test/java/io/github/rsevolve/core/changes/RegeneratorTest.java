package io.github.rsevolve.core.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.validate.ValidateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegeneratorTest {

    @TempDir
    Path project;

    private Regenerator regenerator() {
        return new Regenerator(RegenerateTestSupport.load(project));
    }

    private static List<Finding> problems(ValidateResult result) {
        return result.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .filter(f -> !f.rule().equals("late-binding-unresolved")).toList();
    }

    @Test
    void theGeneratedChangesetAppliesAndEverythingIsBackOnTheExample() throws Exception {
        RegenerateTestSupport.copy(Path.of("examples/tickit-dw/src"), project.resolve("src"));
        // The intended change: a discount column on tickit.sales, in the absolute model and as the change.
        Path facts = project.resolve("src/main/redshift/absolute/tables/facts.sql");
        Files.writeString(facts, Files.readString(facts).replace("    channel    VARCHAR(16) DEFAULT 'web' ENCODE zstd",
                "    channel    VARCHAR(16) DEFAULT 'web' ENCODE zstd,\n    discount   DECIMAL(8,2)"));
        Regeneration regeneration = regenerator().regenerate(List.of(ObjectName.parse("tickit.sales")),
                "ALTER TABLE tickit.sales ADD COLUMN discount DECIMAL(8,2);");
        assertEquals("V7__regenerate_tickit_sales.sql", regeneration.fileName());
        // v_event_sales, v_sales_by_category, v_top_categories, mv_daily_revenue; not the late-binding v_all_sales.
        assertEquals(4, regeneration.recreated().size());
        assertTrue(!regeneration.sql().contains("v_all_sales"), regeneration.sql());
        assertTrue(regeneration.sql().indexOf("DROP VIEW mart.v_top_categories") < regeneration.sql()
                .indexOf("DROP VIEW mart.v_event_sales"), "dependents are dropped first");
        assertTrue(!regeneration.sql().contains("CASCADE;"), "never DROP ... CASCADE");
        RegenerateTestSupport.write(project, "incremental/" + regeneration.fileName(), regeneration.sql());

        ValidateResult result = RegenerateTestSupport.validate(project);
        assertEquals(List.of(), problems(result));
        assertEquals(List.of(), result.drift(), "every view, grant and comment is back, plus the new column");
    }

    @Test
    void badNamesAreClearMessages() throws Exception {
        RegenerateTestSupport.write(project, "absolute/m.sql", "CREATE TABLE dw.orders (id INT);\n"
                + "CREATE VIEW \"Sales Mart\".\"Daily Orders\" AS SELECT id FROM dw.orders;");
        RegenerateTestSupport.write(project, "incremental/V1__m.sql", "CREATE TABLE dw.orders (id INT);\n"
                + "CREATE TABLE dw.only_in_changesets (id INT);");
        RedshiftException unknown = assertThrows(RedshiftException.class,
                () -> regenerator().regenerate(ObjectName.parseList("dw.ordrs"), null));
        assertTrue(unknown.getMessage().contains("did you mean dw.orders"), unknown.getMessage());
        RedshiftException missing = assertThrows(RedshiftException.class,
                () -> regenerator().regenerate(ObjectName.parseList("dw.only_in_changesets"), null));
        assertTrue(missing.getMessage().contains("no definition in the absolute model"), missing.getMessage());
        Regeneration quoted = regenerator().regenerate(ObjectName.parseList("\"Sales Mart\".\"Daily Orders\""), null);
        assertTrue(quoted.sql().contains("DROP VIEW \"sales mart\".\"daily orders\";"), quoted.sql());
    }

    @Test
    void aCycleIsReportedNotLoopedOn() throws Exception {
        RegenerateTestSupport.write(project, "absolute/m.sql", "CREATE TABLE dw.t (id INT);\n"
                + "CREATE VIEW dw.a AS SELECT id FROM dw.b UNION ALL SELECT id FROM dw.t;\n"
                + "CREATE VIEW dw.b AS SELECT id FROM dw.a;");
        RedshiftException cycle = assertThrows(RedshiftException.class,
                () -> regenerator().regenerate(ObjectName.parseList("dw.t"), null));
        assertTrue(cycle.getMessage().contains("cycle") && cycle.getMessage().contains("dw.a"), cycle.getMessage());
    }

    @Test
    void theDeepCopyIsSafeByLintAndApplies() throws Exception {
        RegenerateTestSupport.write(project, "absolute/m.sql", "CREATE SCHEMA dw;\n"
                + "CREATE TABLE dw.orders (id BIGINT, note VARCHAR(20),"
                + " added INT DEFAULT 7) DISTKEY (id) SORTKEY (id);\nCREATE VIEW dw.v AS SELECT id FROM dw.orders;\n"
                + "GRANT SELECT ON dw.orders TO GROUP readers;\nCOMMENT ON TABLE dw.orders IS 'orders';");
        RegenerateTestSupport.write(project, "incremental/V1__m.sql", "CREATE SCHEMA dw;\n"
                + "CREATE TABLE dw.orders (id BIGINT, "
                + "note VARCHAR(20)) DISTSTYLE EVEN;\nCREATE VIEW dw.v AS SELECT id FROM dw.orders;\n"
                + "GRANT SELECT ON dw.orders TO GROUP readers;\nCOMMENT ON TABLE dw.orders IS 'orders';");
        Regeneration copy = regenerator().deepCopy(ObjectName.parse("dw.orders"));
        assertTrue(copy.sql().contains("INSERT INTO dw.orders (id, note)\nSELECT id, note FROM dw.orders_old;"),
                copy.sql());
        assertTrue(copy.sql().contains("-- added is new: it takes its default."), copy.sql());
        RegenerateTestSupport.write(project, "incremental/" + copy.fileName(), copy.sql());
        Project linted = ProjectLoader.load(RegenerateTestSupport.settings(project).project());
        List<Finding> lint = Linter.check(linted, RegenerateTestSupport.settings(project)).findings();
        assertTrue(lint.stream().noneMatch(f -> f.rule().equals("unsafe-table-recreation")
                || f.rule().equals("drop-table") || f.rule().equals("rename")), lint.toString());
        ValidateResult result = RegenerateTestSupport.validate(project);
        assertEquals(List.of(), problems(result));
        assertEquals(List.of(), result.drift());
    }
}
