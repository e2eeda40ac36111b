package io.github.rsevolve.core.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.validate.ValidateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip over a generated model: 200 tables and 200 views, 50 random edits of the absolute model (columns,
 * types, storage, encodings, views, grants, comments, new and removed objects), diff, then validate with the draft:
 * no drift, no error. Sizes: -Dredshift.diffTables, -Dredshift.diffViews, -Dredshift.diffEdits, -Dredshift.diffSeeds.
 */
class RandomEditsDiffTest {

    private static final int TABLES = Integer.getInteger("redshift.diffTables", 200);
    private static final int VIEWS = Integer.getInteger("redshift.diffViews", 200);
    private static final int EDITS = Integer.getInteger("redshift.diffEdits", 50);
    private static final int SEEDS = Integer.getInteger("redshift.diffSeeds", 2);

    @TempDir
    Path temp;

    /** A table of the generated model, edited in place. */
    private static final class TableSpec {
        final String name;
        final List<String> columns = new ArrayList<>(List.of("id INTEGER NOT NULL", "k INTEGER",
                "label VARCHAR(20)", "amount DECIMAL(10,2)", "created DATE"));
        String storage = "DISTKEY (id) SORTKEY (created)";
        String comment;

        TableSpec(String name) {
            this.name = name;
        }

        String sql() {
            return "CREATE TABLE " + name + " (\n    " + String.join(",\n    ", columns) + "\n) " + storage + ";\n"
                    + (comment == null ? "" : "COMMENT ON TABLE " + name + " IS '" + comment + "';\n");
        }
    }

    private record ViewSpec(String name, String query, Set<String> reads) {
    }

    @TestFactory
    Stream<DynamicTest> roundTrips() {
        return LongStream.rangeClosed(1, SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> roundTrip(seed)));
    }

    private void roundTrip(long seed) throws IOException {
        Random random = new Random(seed);
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        for (int t = 0; t < TABLES; t++) {
            String name = (t % 2 == 0 ? "dw" : "stage") + ".t" + t;
            tables.put(name, new TableSpec(name));
        }
        Map<String, ViewSpec> views = new LinkedHashMap<>();
        List<String> relations = new ArrayList<>(tables.keySet());
        for (int v = 0; v < VIEWS; v++) {
            String name = "mart.v" + v;
            String first = relations.get(random.nextInt(relations.size()));
            String second = relations.get(random.nextInt(relations.size()));
            ViewSpec view = switch (random.nextInt(3)) {
                case 0 -> new ViewSpec(name, "SELECT * FROM " + first, Set.of(first));
                case 1 -> new ViewSpec(name, "SELECT a.id, a.k, b.label FROM " + first + " a JOIN " + second
                        + " b ON a.id = b.id", new TreeSet<>(List.of(first, second)));
                default -> new ViewSpec(name, "SELECT id, k, label FROM " + first + " WHERE k > " + v, Set.of(first));
            };
            views.put(name, view);
            relations.add(name);
        }
        List<String> grants = new ArrayList<>(List.of("GRANT USAGE ON SCHEMA mart TO GROUP readers;"));
        String original = model(tables, views, grants);

        List<String> applied = new ArrayList<>();
        for (int e = 0; e < EDITS; e++) {
            applied.add(edit(random, tables, views, grants, e));
        }
        Path project = Files.createTempDirectory(temp, "seed" + seed);
        RegenerateTestSupport.write(project, "absolute/model.sql", model(tables, views, grants));
        RegenerateTestSupport.write(project, "incremental/V1__model.sql", original);
        ValidateSettings settings = new ValidateSettings(RegenerateTestSupport.settings(project), null, null, null,
                false, 120, "flyway_schema_history");
        DiffResult result = Differ.run(new DiffSettings(settings, null, "random edits", true, false, true, null));

        assertEquals(List.of(), result.problems());
        Draft draft = result.draft();
        long edited = applied.stream().filter(a -> !a.equals("nothing")).count();
        assertTrue(draft.changes() >= edited / 2, draft.changes() + " changes for " + applied);
        List<Finding> errors = result.check().findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .toList();
        assertEquals(List.of(), errors, () -> "seed " + seed + ", edits " + applied + "\n" + draft.files().stream()
                .map(f -> "== " + f.fileName() + "\n" + f.sql()).collect(Collectors.joining()));
        assertEquals(List.of(), result.check().drift(), "seed " + seed + ", edits " + applied);
        assertTrue(result.matches());
    }

    private static String model(Map<String, TableSpec> tables, Map<String, ViewSpec> views, List<String> grants) {
        StringBuilder sql = new StringBuilder("CREATE SCHEMA dw;\nCREATE SCHEMA stage;\nCREATE SCHEMA mart;\n");
        tables.values().forEach(t -> sql.append(t.sql()));
        views.values().forEach(v -> sql.append("CREATE VIEW ").append(v.name()).append(" AS ").append(v.query())
                .append(";\n"));
        grants.forEach(g -> sql.append(g).append('\n'));
        return sql.toString();
    }

    /** One random edit of the model; returns what it did. */
    private static String edit(Random random, Map<String, TableSpec> tables, Map<String, ViewSpec> views,
                               List<String> grants, int number) {
        List<String> tableNames = new ArrayList<>(tables.keySet());
        TableSpec table = tables.get(tableNames.get(random.nextInt(tableNames.size())));
        List<String> viewNames = new ArrayList<>(views.keySet());
        switch (random.nextInt(12)) {
            case 0 -> {
                table.columns.add("extra" + number + " INTEGER DEFAULT 0");
                return "add column to " + table.name;
            }
            case 1 -> {
                table.columns.replaceAll(c -> c.startsWith("label ") ? "label VARCHAR(" + (40 + number) + ")" : c);
                return "longer label in " + table.name;
            }
            case 2 -> {
                table.columns.replaceAll(c -> c.startsWith("amount ") ? "amount DECIMAL(14,2)" : c);
                return "amount type in " + table.name;
            }
            case 3 -> {
                table.storage = random.nextBoolean() ? "DISTSTYLE EVEN SORTKEY (created)"
                        : "DISTKEY (k) SORTKEY (k, created)";
                return "storage of " + table.name;
            }
            case 4 -> {
                table.columns.replaceAll(c -> c.startsWith("created ") ? "created DATE ENCODE az64" : c);
                return "encoding in " + table.name;
            }
            case 5 -> {
                ViewSpec view = views.get(viewNames.get(random.nextInt(viewNames.size())));
                String query = view.query().contains(" WHERE ") ? view.query() + " AND id > " + number
                        : view.query() + " WHERE 1 = 1";
                views.put(view.name(), new ViewSpec(view.name(), query, view.reads()));
                return "definition of " + view.name();
            }
            case 6 -> {
                String name = "stage.new" + number;
                tables.put(name, new TableSpec(name));
                return "new table " + name;
            }
            case 7 -> {
                String name = "mart.new_view" + number;
                views.put(name, new ViewSpec(name, "SELECT id, label FROM " + table.name, Set.of(table.name)));
                return "new view " + name;
            }
            case 8 -> {
                Set<String> read = new TreeSet<>();
                views.values().forEach(v -> read.addAll(v.reads()));
                String unread = viewNames.stream().filter(v -> !read.contains(v)).findFirst().orElse(null);
                if (unread == null) {
                    return "nothing";
                }
                views.remove(unread);
                grants.removeIf(g -> g.contains(" " + unread + " "));
                return "removed view " + unread;
            }
            case 9 -> {
                String view = viewNames.get(random.nextInt(viewNames.size()));
                grants.add("GRANT SELECT ON " + view + " TO GROUP readers;");
                return "grant on " + view;
            }
            case 10 -> {
                table.comment = "edit " + number;
                return "comment on " + table.name;
            }
            default -> {
                table.columns.replaceAll(c -> c.startsWith("k ") ? "k INTEGER NOT NULL" : c);
                return "k not null in " + table.name;
            }
        }
    }
}
