package io.github.rsevolve.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.Identity;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.PhysicalAttributes;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.TableConstraint;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedshiftParserTest {

    private static RedshiftParser parser;
    private static List<ParsedStatement> physical;

    @BeforeAll
    static void parseFile() throws URISyntaxException {
        parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS);
        Path file = Path.of(RedshiftParserTest.class.getResource("/ddl/physical-attributes.sql").toURI());
        physical = new SqlSourceReader(file.getParent(), SqlSourceReader.DEFAULT_MAX_FILE_BYTES).read(file)
                .statements().stream().map(parser::parse).toList();
    }

    @AfterAll
    static void close() {
        parser.close();
    }

    private static ParsedStatement parse(String sql) {
        SqlStatement statement = SqlSplitter.split(SourceFile.of(Path.of("t.sql"), "t.sql", sql)).statements().get(0);
        return parser.parse(statement);
    }

    @Test
    void everyStatementOfTheFileIsUnderstood() {
        assertEquals(8, physical.size());
        physical.forEach(p -> assertTrue(p.understood(), p.statement() + " " + p.problems()));
    }

    @Test
    void columnAttributesAreKept() {
        Table orders = (Table) physical.get(0).definition();
        assertEquals(new ObjectName("dw", "orders"), orders.name());
        assertTrue(orders.ifNotExists());
        Column id = orders.column("order_id");
        assertEquals("bigint", id.type());
        assertEquals(new Identity(0, 1, false), id.identity());
        assertEquals("az64", id.encoding());
        Column customer = orders.column("customer_id");
        assertTrue(customer.notNull() && customer.distKey());
        assertEquals("'N'", orders.column("status").defaultValue());
        assertEquals("varchar(max)", orders.column("note").type());
        assertEquals("numeric(12,2)", orders.column("amount").type());
        assertEquals("timestamp without time zone", orders.column("created_at").type());
        assertEquals("GETDATE()", orders.column("created_at").defaultValue());
        assertEquals(new PhysicalAttributes(null, "customer_id", "COMPOUND", List.of("order_date"), false, false),
                orders.physical());
        assertEquals(List.of(TableConstraint.Type.PRIMARY_KEY, TableConstraint.Type.FOREIGN_KEY),
                orders.constraints().stream().map(TableConstraint::type).toList());
        assertEquals(new ObjectName("dw", "customers"), orders.constraints().get(1).references());
    }

    @Test
    void tableAttributesAreKept() {
        Table events = (Table) physical.get(1).definition();
        assertTrue(events.temporary());
        assertEquals(new Identity(1, 1, true), events.column("event_id").identity());
        assertEquals(new PhysicalAttributes("KEY", "event_id", "INTERLEAVED", List.of("event_id", "payload"), null,
                true), events.physical());
    }

    @Test
    void ctasKeepsAttributesAndReferences() {
        ParsedStatement ctas = physical.get(2);
        assertEquals(StatementKind.CREATE_TABLE_AS, ctas.kind());
        Table daily = (Table) ctas.definition();
        assertEquals("ALL", daily.physical().distStyle());
        assertEquals("AUTO", daily.physical().sortStyle());
        assertEquals(Set.of(new ObjectName("dw", "orders")), daily.references());
    }

    @Test
    void materializedViewKeepsAttributes() {
        View mv = (View) physical.get(3).definition();
        assertTrue(mv.materialized());
        assertEquals(Boolean.TRUE, mv.autoRefresh());
        assertEquals(new PhysicalAttributes("EVEN", null, "COMPOUND", List.of("order_date"), true, false),
                mv.physical());
    }

    @Test
    void lateBindingViewReferencesComeFromItsSql() {
        View view = (View) physical.get(4).definition();
        assertTrue(view.lateBinding());
        assertTrue(view.orReplace());
        assertEquals(Set.of(new ObjectName("dw", "orders"), new ObjectName("dw", "customers")), view.references());
        assertFalse(view.query().contains("BINDING"));
    }

    @Test
    void alterTableActionsAreStructured() {
        AlterTable sortkey = physical.get(5).alter();
        assertEquals(new AlterTable.Action(AlterTable.ActionType.ALTER_SORTKEY, "COMPOUND", "order_date,customer_id",
                false, sortkey.actions().get(0).offset()), sortkey.actions().get(0));
        AlterTable.Action dist = physical.get(6).alter().actions().get(0);
        assertEquals(AlterTable.ActionType.ALTER_DISTSTYLE, dist.type());
        assertEquals("customer_id", dist.detail());
        AlterTable.Action encode = physical.get(7).alter().actions().get(0);
        assertEquals(AlterTable.ActionType.ALTER_COLUMN_ENCODE, encode.type());
        assertEquals("ZSTD", encode.detail());
    }

    @Test
    void cteNamesAreNotReferences() {
        ParsedStatement select = parse("WITH recent AS (SELECT * FROM dw.orders) SELECT * FROM recent r "
                + "JOIN dw.customers c ON c.id = r.customer_id");
        assertEquals(Set.of(new ObjectName("dw", "orders"), new ObjectName("dw", "customers")), select.references());
    }

    @Test
    void syntaxErrorsAreLocatedAtTheOffendingToken() {
        ParsedStatement bad = parse("SELECT a,\n  b FROM t WHERE x = = 1");
        assertFalse(bad.understood());
        assertEquals(2, bad.problems().get(0).position().line());
        // JSqlParser stops at the first token of the comparison it cannot complete.
        assertEquals(20, bad.problems().get(0).position().column());
        ParsedStatement badTable = parse("CREATE TABLE t (id INTEGER DISTKEY SORTKEY ENCODE)");
        assertEquals(1, badTable.problems().size());
        assertEquals(50, badTable.problems().get(0).position().column());
    }

    @Test
    void redshiftOnlyStatementsAreClassified() {
        assertEquals(StatementKind.COPY, parse("COPY dw.orders FROM 's3://b/k' IAM_ROLE default CSV").kind());
        assertEquals(StatementKind.UNLOAD, parse("UNLOAD ('select 1') TO 's3://b/k' IAM_ROLE default").kind());
        assertEquals(StatementKind.VACUUM, parse("VACUUM SORT ONLY dw.orders TO 75 PERCENT").kind());
        assertEquals(StatementKind.CREATE_EXTERNAL_SCHEMA, parse("CREATE EXTERNAL SCHEMA spectrum FROM DATA CATALOG "
                + "DATABASE 'db' IAM_ROLE default CREATE EXTERNAL DATABASE IF NOT EXISTS").kind());
        ParsedStatement external = parse("CREATE EXTERNAL TABLE spectrum.sales (id INT, tags ARRAY<VARCHAR(20)>) "
                + "PARTITIONED BY (saledate DATE) STORED AS PARQUET LOCATION 's3://b/sales/'");
        assertTrue(external.understood(), external.problems().toString());
        assertTrue(((Table) external.definition()).external());
        assertEquals("SCHEMA", parse("GRANT USAGE ON SCHEMA dw TO GROUP analysts").grant().objectType());
    }

    @Test
    void grantFormsAreStructured() {
        ParsedStatement all = parse("GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA dw TO GROUP loaders, ROLE etl");
        assertEquals(List.of("ALL PRIVILEGES"), all.grant().privileges());
        assertEquals("ALL TABLES IN SCHEMA", all.grant().objectType());
        assertEquals(List.of("group loaders", "role etl"), all.grant().grantees());
        ParsedStatement columns = parse("GRANT SELECT (id, name) ON dw.customers TO analyst WITH GRANT OPTION");
        assertEquals(List.of(new ObjectName("dw", "customers")), columns.grant().objects());
        assertTrue(parse("GRANT ASSUMEROLE ON 'arn:aws:iam::1:role/r' TO u FOR COPY").understood());
    }

    @Test
    void theSpansTheTranslatorRewritesAreKept() {
        ParsedStatement view = parse("CREATE VIEW sales.\"view\" (a, b) AS SELECT 1, 2 WITH NO SCHEMA BINDING");
        assertEquals("(a, b)", text(view, view.spans().columnList()));
        assertEquals("SELECT 1, 2", text(view, view.spans().query()));
        ParsedStatement procedure = parse("CREATE PROCEDURE p(a IN NUMERIC(10, 2), b VARCHAR(MAX)) AS $$ BEGIN END $$ "
                + "LANGUAGE plpgsql");
        assertEquals(List.of("a IN NUMERIC(10, 2)", "b VARCHAR(MAX)"),
                procedure.spans().arguments().stream().map(a -> text(procedure, a)).toList());
        assertEquals("(a IN NUMERIC(10, 2), b VARCHAR(MAX))", text(procedure, procedure.spans().argumentList()));
        ParsedStatement function = parse("CREATE FUNCTION f() RETURNS DECIMAL(8, 2) STABLE AS 'SELECT 1' LANGUAGE sql");
        assertEquals(List.of(), function.spans().arguments());
        assertEquals("DECIMAL(8, 2)", text(function, function.spans().returns()));
        assertFalse(parse("SELECT 1").spans().query().isPresent());
    }

    private static String text(ParsedStatement parsed, Spans.Span span) {
        return parsed.statement().text(span.from(), span.to());
    }

    @Test
    void deeplyNestedInputIsReportedNotParsed() {
        ParsedStatement nested = parse("SELECT " + "(".repeat(500) + "1" + ")".repeat(500));
        assertEquals(1, nested.problems().size());
        assertTrue(nested.problems().get(0).message().contains("500 levels deep"), nested.problems().toString());
    }

    @Test
    void aParseOverTheTimeoutBecomesAFinding() {
        String wide = "SELECT " + "a + b * c AS x, ".repeat(3000) + "1 FROM t";
        SqlStatement statement = SqlSplitter.split(SourceFile.of(Path.of("t.sql"), "t.sql", wide)).statements().get(0);
        try (RedshiftParser impatient = new RedshiftParser(1)) {
            ParsedStatement parsed = impatient.parse(statement);
            assertEquals(1, parsed.problems().size());
            assertTrue(parsed.problems().get(0).message().contains("within 1 ms of CPU time"), parsed.problems().toString());
        }
    }

    /**
     * The bound is CPU time of the parse, so other work on the machine does not turn a statement that parses into a
     * time-out: under a bound of a few times what the parse needs alone, it still parses with every core busy.
     */
    @Test
    void aBusyMachineDoesNotChangeWhatParses() throws Exception {
        String wide = "SELECT " + "a + b * c AS x, ".repeat(400) + "1 FROM t";
        SqlStatement statement = SqlSplitter.split(SourceFile.of(Path.of("t.sql"), "t.sql", wide)).statements().get(0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long alone = Long.MAX_VALUE;
        try (RedshiftParser warm = new RedshiftParser(60_000)) {
            for (int i = 0; i < 5; i++) {
                long before = System.nanoTime();
                assertTrue(warm.parse(statement).problems().isEmpty());
                alone = Math.min(alone, System.nanoTime() - before);
            }
        }
        long bound = Math.max(20, 3 * alone / 1_000_000);
        int busy = 4 * Runtime.getRuntime().availableProcessors();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < busy; i++) {
            Thread spinner = new Thread(() -> {
                long x = 0;
                while (!stop.get()) {
                    x += System.nanoTime() % 7;
                }
                assertTrue(x >= 0);
            });
            spinner.start();
            spinners.add(spinner);
        }
        try (RedshiftParser bounded = new RedshiftParser(bound)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(List.of(), bounded.parse(statement).problems(), "bound " + bound + " ms, "
                        + busy + " busy threads, CPU time measured: " + threads.isThreadCpuTimeSupported());
            }
        } finally {
            stop.set(true);
            for (Thread spinner : spinners) {
                spinner.join();
            }
        }
    }

    /** TPC-DS writes date ranges so; JSqlParser 5.3 alone rejects the CAST inside the calls that bound BETWEEN. */
    @Test
    void aBetweenBoundedByCallsWithCastsIsUnderstood() {
        ParsedStatement parsed = parse("SELECT w_warehouse_name FROM tpcds.inventory, tpcds.date_dim\n"
                + "WHERE inv_date_sk = d_date_sk\n"
                + "  AND d_date BETWEEN DATEADD(day, -30, CAST('2000-05-19' AS date))\n"
                + "                 AND DATEADD(day, 30, CAST ('2000-05-19' AS date))");
        assertTrue(parsed.understood(), parsed.problems().toString());
        assertEquals(Set.of(new ObjectName("tpcds", "inventory"), new ObjectName("tpcds", "date_dim")),
                parsed.references());
    }

    @Test
    void aStatementThatIsWrongWithoutItsCastsIsStillReported() {
        ParsedStatement parsed = parse("SELECT a FROM t WHERE d BETWEEN CAST(x AS date) AND AND y");
        assertFalse(parsed.understood());
        assertTrue(parsed.problems().get(0).message().startsWith("Cannot parse this statement near 'AND'"),
                parsed.problems().toString());
    }
}
