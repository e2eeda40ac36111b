package io.github.rsevolve.core.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.report.GraphPictures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerate reads only the part of the model that can reach the named objects (ProjectLoader.loadReaching): over
 * random models with the idioms that make a name hard to follow (unqualified names under SET search_path, quoted and
 * upper-case names, one name in two schemas, names inside other names, late-binding views, CTAS tables, grants on a
 * whole schema, owners), its changeset and its pictures are those of the whole model's.
 */
class ReachingLoadTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> theChangesetAndPicturesAreThoseOfTheWholeModel() {
        return IntStream.rangeClosed(1, 60).mapToObj(seed -> DynamicTest.dynamicTest("model " + seed,
                () -> compare(seed)));
    }

    private void compare(long seed) throws IOException {
        Random random = new Random(seed);
        Path project = Files.createTempDirectory(temp, "model" + seed);
        List<String> names = new ArrayList<>();
        List<String> statements = new ArrayList<>(List.of("CREATE SCHEMA g;", "CREATE SCHEMA h;"));
        int tables = 3 + random.nextInt(12);
        for (int t = 0; t < tables; t++) {
            // t1 and t10 share a prefix; h.t<n> shares g.t<n>'s name in another schema.
            String schema = random.nextInt(4) == 0 ? "h" : "g";
            statements.add("CREATE TABLE " + schema + ".t" + t + " (id INT, v1 INT) DISTKEY (id);");
            names.add(schema + ".t" + t);
        }
        int views = 1 + random.nextInt(80);
        for (int v = 0; v < views; v++) {
            String first = names.get(random.nextInt(names.size()));
            String second = names.get(random.nextInt(names.size()));
            String read = switch (random.nextInt(3)) {
                case 0 -> first;
                // Quoted and upper case: Redshift folds both to the same name.
                case 1 -> first.toUpperCase(java.util.Locale.ROOT).replace(".", ".\"") + "\"";
                default -> first.substring(first.indexOf('.') + 1);
            };
            String body = "SELECT a.id, a.v1 FROM " + read + " a JOIN " + second + " b ON b.id = a.id";
            String name = "v" + v;
            switch (random.nextInt(6)) {
                case 0 -> statements.add("SET search_path TO " + first.substring(0, first.indexOf('.')) + ";\n"
                        + "CREATE VIEW " + name + " AS " + body + ";\nSET search_path TO DEFAULT;");
                case 1 -> statements.add("CREATE VIEW g." + name + " AS " + body + " WITH NO SCHEMA BINDING;");
                case 2 -> statements.add("CREATE TABLE g.c" + v + " DISTKEY (id) AS " + body + ";");
                case 3 -> statements.add("CREATE MATERIALIZED VIEW g." + name + " AS SELECT id FROM "
                        + names.get(random.nextInt(Math.min(tables, names.size()))) + ";");
                default -> statements.add("CREATE VIEW g." + name + " AS " + body + ";");
            }
            if (random.nextInt(4) == 0) {
                statements.add("GRANT SELECT ON g." + name + " TO GROUP readers;");
            }
            if (random.nextInt(5) == 0) {
                statements.add("COMMENT ON VIEW g." + name + " IS 'reads " + first + "';");
            }
            if (random.nextInt(6) == 0) {
                statements.add("ALTER TABLE g." + name + " OWNER TO etl;");
            }
            names.add(statements.get(statements.size() - 1).contains("CREATE TABLE g.c") ? "g.c" + v
                    : (statements.get(statements.size() - 1).contains("SET search_path")
                    ? first.substring(0, first.indexOf('.') + 1) : "g.") + name);
        }
        statements.add("GRANT SELECT ON ALL TABLES IN SCHEMA g TO GROUP analysts;");
        Collections.shuffle(statements.subList(2 + tables, statements.size()), random);
        int half = statements.size() / 2;
        RegenerateTestSupport.write(project, "absolute/a.sql", String.join("\n", statements.subList(0, half)));
        RegenerateTestSupport.write(project, "absolute/b.sql", String.join("\n",
                statements.subList(half, statements.size())));
        RegenerateTestSupport.write(project, "incremental/V1__tables.sql", String.join("\n",
                statements.subList(0, 2 + tables)));

        ObjectName table = ObjectName.parse(names.get(random.nextInt(tables)));
        List<ObjectName> changed = List.of(table);
        Project whole = RegenerateTestSupport.load(project);
        Project reached = reaching(project, changed, List.of());
        assertSame("regenerate " + table, project, whole, reached, r -> r.regenerate(changed, null));
        assertTrue(creates(reached).size() <= creates(whole).size(), "model " + seed);
        assertSame("deep copy " + table, project, whole, reaching(project, changed,
                List.of(Regenerator.deepCopyOldName(table))), r -> r.deepCopy(table));
    }

    /** The objects whose CREATE statements were parsed, in file order. */
    private static List<String> creates(Project project) {
        return project.absolute().stream().flatMap(s -> s.statements().stream())
                .filter(s -> s.statement().startsWith("create")).map(s -> String.valueOf(s.target())).toList();
    }

    @Test
    void onlyWhatCanReachTheObjectAndWhatThatReadsIsParsed() throws IOException {
        Path project = temp.resolve("partial");
        RegenerateTestSupport.write(project, "absolute/model.sql", """
                CREATE SCHEMA dw;
                CREATE TABLE dw.orders (id INT, customer_id INT);
                CREATE TABLE dw.customers (id INT);
                CREATE TABLE dw.products (id INT);
                CREATE VIEW dw.v_orders AS SELECT o.id FROM dw.orders o JOIN dw.customers c ON c.id = o.customer_id;
                CREATE VIEW dw.v_daily AS SELECT id FROM dw.v_orders;
                CREATE VIEW dw.v_products AS SELECT id FROM dw.products;
                CREATE TABLE dw.orders_copy AS SELECT id FROM dw.orders;
                CREATE VIEW dw.v_copy AS SELECT id FROM dw.orders_copy;
                GRANT SELECT ON dw.v_products TO GROUP readers;
                """);
        Project reached = reaching(project, List.of(ObjectName.parse("dw.orders")), List.of());
        // v_copy reads a table made from orders, not orders: it is neither recreated nor drawn.
        assertEquals(List.of("dw.orders", "dw.customers", "dw.v_orders", "dw.v_daily", "dw.orders_copy"),
                creates(reached));
        // The other CREATE statements were found and hashed, never lexed; the grant was.
        assertEquals(6, reached.absolute().get(0).script().statements().size());
    }

    private static Project reaching(Path project, List<ObjectName> objects, List<ObjectName> alsoDefined) {
        return ProjectLoader.loadReaching(RegenerateTestSupport.settings(project).project(), objects, alsoDefined);
    }

    private void assertSame(String what, Path project, Project whole, Project reached,
                            Function<Regenerator, Regeneration> regenerate) throws IOException {
        Regeneration expected = regenerate.apply(new Regenerator(whole));
        Regeneration actual = regenerate.apply(new Regenerator(reached));
        assertEquals(expected.sql(), actual.sql(), what);
        assertEquals(expected.recreated(), actual.recreated(), what);
        Path wholePictures = project.resolve("pictures-whole");
        Path reachedPictures = project.resolve("pictures-reached");
        GraphPictures.write(expected.graph(), expected.changed(), expected.recreated(),
                GraphPictures.Scope.NEIGHBOURHOOD, wholePictures);
        GraphPictures.write(actual.graph(), actual.changed(), actual.recreated(), GraphPictures.Scope.NEIGHBOURHOOD,
                reachedPictures);
        for (String picture : List.of("dependencies.dot", "dependencies.mmd")) {
            assertEquals(Files.readString(wholePictures.resolve(picture)),
                    Files.readString(reachedPictures.resolve(picture)), what + ": " + picture);
        }
    }

    @Test
    void anExistingOldTableStillStopsADeepCopy() throws IOException {
        Path project = temp.resolve("old");
        RegenerateTestSupport.write(project, "absolute/model.sql", "CREATE TABLE dw.orders (id INT);\n"
                + "CREATE VIEW dw.v AS SELECT id FROM dw.orders;\nCREATE TABLE dw.orders_old (id INT);");
        RegenerateTestSupport.write(project, "incremental/V1__orders.sql", "CREATE TABLE dw.orders (id INT);");
        ObjectName orders = ObjectName.parse("dw.orders");
        Project reached = reaching(project, List.of(orders), List.of(Regenerator.deepCopyOldName(orders)));
        RedshiftException error = assertThrows(RedshiftException.class, () -> new Regenerator(reached)
                .deepCopy(orders));
        assertTrue(error.getMessage().contains("already has a table dw.orders_old"), error.getMessage());
    }

    @Test
    void anUnknownNameIsAnsweredFromTheWholeModel() throws IOException {
        Path project = temp.resolve("unknown");
        RegenerateTestSupport.write(project, "absolute/model.sql", "CREATE TABLE dw.orders (id INT);\n"
                + "CREATE VIEW dw.v AS SELECT id FROM dw.orders;\nCREATE TABLE dw.order_lines (id INT);");
        List<ObjectName> typo = List.of(ObjectName.parse("dw.ordres"));
        Project reached = reaching(project, typo, List.of());
        RedshiftException error = assertThrows(RedshiftException.class, () -> new Regenerator(reached)
                .regenerate(typo, null));
        assertEquals("There is no table or view dw.ordres in the absolute model; did you mean dw.orders, "
                + "dw.order_lines, dw.v?", error.getMessage());
    }
}
