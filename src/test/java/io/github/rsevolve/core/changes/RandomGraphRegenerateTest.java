package io.github.rsevolve.core.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.validate.ValidateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over randomly generated view graphs: change a random table, regenerate, apply on the embedded PostgreSQL, and
 * compare the catalogs of the absolute model and the changesets: nothing missing, nothing extra. The number of
 * graphs and their largest size are -Dredshift.graphs (default 100) and -Dredshift.graphViews (default 200).
 */
class RandomGraphRegenerateTest {

    private static final int GRAPHS = Integer.getInteger("redshift.graphs", 100);
    private static final int MAX_VIEWS = Integer.getInteger("redshift.graphViews", 200);

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> randomGraphs() {
        return IntStream.rangeClosed(1, GRAPHS).mapToObj(seed -> DynamicTest.dynamicTest("graph " + seed,
                () -> check(seed)));
    }

    private void check(long seed) throws IOException {
        Random random = new Random(seed);
        Path project = Files.createTempDirectory(temp, "graph" + seed);
        int tables = 2 + random.nextInt(5);
        int views = 1 + random.nextInt(seed % 10 == 0 ? MAX_VIEWS : Math.max(1, MAX_VIEWS / 4));
        int changed = random.nextInt(tables);
        List<String> names = new ArrayList<>();
        List<String> original = new ArrayList<>(List.of("CREATE SCHEMA g;"));
        List<String> absolute = new ArrayList<>(List.of("CREATE SCHEMA g;"));
        for (int t = 0; t < tables; t++) {
            String table = "CREATE TABLE g.t" + t + " (id INT, k INT, label VARCHAR(20)) DISTKEY (id)";
            original.add(table + ";");
            absolute.add((t == changed ? table.replace("label VARCHAR(20))", "label VARCHAR(20), extra INT)")
                    : table) + ";");
            names.add("g.t" + t);
        }
        // A materialized view reads tables and other materialized views only (docs: CREATE MATERIALIZED VIEW).
        List<String> materializable = new ArrayList<>(names);
        for (int v = 0; v < views; v++) {
            boolean materialized = random.nextInt(10) == 0;
            List<String> readable = materialized ? materializable : names;
            String first = readable.get(random.nextInt(readable.size()));
            String view = switch (random.nextInt(4)) {
                case 0 -> "SELECT * FROM " + first;
                case 1 -> {
                    String second = readable.get(random.nextInt(readable.size()));
                    yield "SELECT a.id, a.k, b.label FROM " + first + " a JOIN " + second + " b ON a.id = b.id";
                }
                case 2 -> "SELECT id, k, label FROM " + first + " UNION ALL SELECT id, k, label FROM "
                        + readable.get(random.nextInt(readable.size()));
                default -> "SELECT id, k + 1 AS k, label FROM " + first + " WHERE k > " + v;
            };
            if (materialized) {
                materializable.add("g.v" + v);
            }
            String ddl = (materialized ? "CREATE MATERIALIZED VIEW g.v" + v + " AS " : "CREATE VIEW g.v" + v
                    + " AS ") + view + ";";
            original.add(ddl);
            absolute.add(ddl);
            if (random.nextInt(5) == 0) {
                String extra = "COMMENT ON " + (materialized ? "MATERIALIZED VIEW" : "VIEW") + " g.v" + v
                        + " IS 'view " + v + "';";
                original.add(extra);
                absolute.add(extra);
            }
            if (random.nextInt(5) == 0) {
                String grant = "GRANT SELECT ON g.v" + v + " TO GROUP readers;";
                original.add(grant);
                absolute.add(grant);
            }
            names.add("g.v" + v);
        }
        Collections.shuffle(absolute, random);
        RegenerateTestSupport.write(project, "absolute/model.sql", String.join("\n", absolute));
        RegenerateTestSupport.write(project, "incremental/V1__graph.sql", String.join("\n", original));
        Regeneration regeneration = new Regenerator(RegenerateTestSupport.load(project))
                .regenerate(List.of(ObjectName.parse("g.t" + changed)),
                        "ALTER TABLE g.t" + changed + " ADD COLUMN extra INT;");
        RegenerateTestSupport.write(project, "incremental/" + regeneration.fileName(), regeneration.sql());

        ValidateResult result = RegenerateTestSupport.validate(project);
        List<Finding> problems = result.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        assertEquals(List.of(), problems, "graph " + seed + ": " + views + " views, changed g.t" + changed);
        assertEquals(List.of(), result.drift(), "graph " + seed);
    }
}
