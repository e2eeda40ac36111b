package io.github.rsevolve.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.Corpus;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TokenReferencesTest {

    /** What a dependency graph reads references from. */
    private static final Set<StatementKind> COMPARED = EnumSet.of(StatementKind.CREATE_VIEW,
            StatementKind.CREATE_MATERIALIZED_VIEW, StatementKind.CREATE_TABLE_AS, StatementKind.SELECT,
            StatementKind.INSERT, StatementKind.UPDATE, StatementKind.DELETE, StatementKind.MERGE);

    private static Set<String> references(String sql) {
        SqlStatement statement = SqlSplitter.split(SourceFile.of(Path.of("t.sql"), "t.sql", sql)).statements().get(0);
        return TokenReferences.of(statement, 0, statement.tokens().size()).stream().map(ObjectName::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void findsTablesInFromListsJoinsAndSubqueries() {
        assertEquals(Set.of("dw.a", "dw.b", "c", "dw.d", "e"), references("SELECT * FROM dw.a x, dw.b AS y "
                + "JOIN c ON c.id = x.id LEFT OUTER JOIN (SELECT id FROM dw.d WHERE id IN (SELECT id FROM e)) s "
                + "ON s.id = x.id WHERE x.k = 1"));
    }

    @Test
    void findsUsingTablesAndParenthesisedJoins() {
        assertEquals(Set.of("dw.event", "dw.sales"), references("DELETE FROM dw.event USING dw.sales "
                + "WHERE dw.event.id = dw.sales.id"));
        assertEquals(Set.of("t1", "t2"), references("SELECT t1.id FROM (t1 INNER JOIN t2 USING (id))"));
    }

    @Test
    void leavesOutCtesAndTableFunctions() {
        assertEquals(Set.of("dw.orders"), references("WITH recent (id) AS (SELECT id FROM dw.orders), "
                + "ids AS (SELECT id FROM recent) SELECT * FROM ids, generate_series(1, 3) g"));
    }

    @Test
    void aCteHidesOnlyTheUnqualifiedNameWhereverItIsRead() {
        // The CTE names are found in the same pass as the references: a CTE read before a later one is defined,
        // in nested WITHs and beside a table of the same name in a schema.
        assertEquals(Set.of("dw.a", "dw.b"), references("WITH a AS (SELECT * FROM dw.a), b (x) AS (SELECT x FROM a) "
                + "SELECT * FROM b JOIN dw.b ON true WHERE EXISTS (WITH c AS (SELECT 1) SELECT * FROM c, a)"));
        // A range that starts right after WITH still sees the first CTE's name.
        SqlStatement statement = SqlSplitter.split(SourceFile.of(Path.of("t.sql"), "t.sql",
                "WITH x AS (SELECT 1) SELECT * FROM x")).statements().get(0);
        assertEquals(Set.of(), TokenReferences.of(statement, 1, statement.tokens().size()));
    }

    @Test
    void fromInsideFunctionsAndCrossDatabaseNamesAreNotReferences() {
        assertEquals(Set.of("dw.orders"), references("SELECT EXTRACT(year FROM o.placed_at), SUBSTRING(o.code FROM 2), "
                + "TRIM(BOTH ' ' FROM o.code) FROM dw.orders o WHERE o.a IS NOT DISTINCT FROM o.b"));
        assertEquals(Set.of("dw.orders"), references("SELECT o.id FROM dw.orders o JOIN sales_share.public.customers c "
                + "ON c.id = o.id"));
    }

    @Test
    void neverMissesAReferenceJsqlParserFindsInTheCorpus() throws IOException {
        List<Path> files = Corpus.files();
        SqlSourceReader reader = Corpus.reader();
        List<String> missed = new ArrayList<>();
        int compared = 0;
        try (RedshiftParser full = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS);
             RedshiftParser fast = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS, ParseDepth.TOKENS)) {
            for (Path file : files) {
                for (SqlStatement statement : reader.read(file).statements()) {
                    ParsedStatement exact = full.parse(statement);
                    if (!exact.understood() || exact.references().isEmpty() || !COMPARED.contains(exact.kind())) {
                        continue;
                    }
                    compared++;
                    Set<ObjectName> found = fast.parse(statement).references();
                    for (ObjectName reference : exact.references()) {
                        if (!found.contains(reference)) {
                            missed.add(statement.file().displayPath() + ":" + statement.position() + " " + reference);
                        }
                    }
                }
            }
        }
        assertTrue(compared > 1000, "statements compared: " + compared);
        assertEquals(List.of(), missed);
    }
}
