package io.github.rsevolve.bench;

import static io.github.rsevolve.bench.ValidateBenchmark.median;

import io.github.rsevolve.core.changes.Regeneration;
import io.github.rsevolve.core.changes.Regenerator;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Graph building and regeneration for generated models of 10,000 and 100,000 views (each reading one or two
 * earlier tables or views), in-process, medians of several rounds. Also writes the 10,000-view project with a pom,
 * for timing a whole mvn process (bench/regenerate.sh). Not a test.
 */
public final class RegenerateBenchmark {

    private static final int TABLES = 100;
    private static final int VIEWS_PER_FILE = 1000;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int views : List.of(10_000, 100_000)) {
            Path project = root.resolve("views-" + views);
            long edges = generate(project, views);
            double[] load = new double[rounds];
            double[] reaching = new double[rounds];
            double[] regenerate = new double[rounds];
            List<ObjectName> changed = List.of(ObjectName.parse("g.t0"));
            int recreated = 0;
            for (int round = -1; round < rounds; round++) {
                long start = System.nanoTime();
                new Regenerator(ProjectLoader.load(settings(project).project(), ParseDepth.TOKENS));
                long loadNanos = System.nanoTime() - start;
                start = System.nanoTime();
                Project loaded = ProjectLoader.loadReaching(settings(project).project(), changed, List.of());
                Regenerator regenerator = new Regenerator(loaded);
                long reachingNanos = System.nanoTime() - start;
                start = System.nanoTime();
                Regeneration regeneration = regenerator.regenerate(changed, null);
                long regenerateNanos = System.nanoTime() - start;
                recreated = regeneration.recreated().size();
                if (round >= 0) {
                    load[round] = loadNanos / 1e6;
                    reaching[round] = reachingNanos / 1e6;
                    regenerate[round] = regenerateNanos / 1e6;
                }
            }
            System.out.printf("| %,d views, %,d references: read the whole model and graph | %.0f ms (%.1f µs per "
                    + "view) |%n", views, edges, median(load), median(load) * 1000 / views);
            System.out.printf("| %,d views: read what reaches g.t0 and graph | %.0f ms |%n", views, median(reaching));
            System.out.printf("| %,d views: regenerate g.t0 (%,d dependents) | %.0f ms |%n", views, recreated,
                    median(regenerate));
        }
    }

    private static LintSettings settings(Path project) {
        Path redshift = project.resolve("src/main/redshift");
        return new LintSettings(project, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, Runtime.getRuntime().availableProcessors());
    }

    /** Writes the project and returns how many references its views have. */
    private static long generate(Path project, int views) throws Exception {
        Path absolute = project.resolve("src/main/redshift/absolute");
        Files.createDirectories(absolute);
        BenchProject.writePom(project, "views-" + views);
        StringBuilder tables = new StringBuilder("CREATE SCHEMA g;\n");
        for (int t = 0; t < TABLES; t++) {
            tables.append("CREATE TABLE g.t").append(t).append(" (id INT, k INT) DISTKEY (id);\n");
        }
        Files.writeString(absolute.resolve("tables.sql"), tables);
        Random random = new Random(11);
        long edges = 0;
        StringBuilder file = new StringBuilder();
        for (int v = 0; v < views; v++) {
            String first = v < TABLES || random.nextInt(4) == 0 ? "g.t" + random.nextInt(TABLES)
                    : "g.v" + (v - 1 - random.nextInt(Math.min(v, 50)));
            file.append("CREATE VIEW g.v").append(v).append(" AS SELECT a.id, a.k FROM ").append(first).append(" a");
            edges++;
            if (random.nextBoolean()) {
                file.append(" JOIN g.t").append(random.nextInt(TABLES)).append(" b ON b.id = a.id");
                edges++;
            }
            file.append(";\n");
            if ((v + 1) % VIEWS_PER_FILE == 0) {
                Files.writeString(absolute.resolve("views" + (v / VIEWS_PER_FILE) + ".sql"), file);
                file.setLength(0);
            }
        }
        return edges;
    }
}
