package io.github.rsevolve.bench;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import io.github.rsevolve.core.translate.Translation;
import io.github.rsevolve.core.validate.ValidateResult;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;

/**
 * validate on a generated model (500 tables, 500 views up to 8 deep, 1,000 changesets), beside plain Flyway
 * migrating the same changesets (translated to PostgreSQL, as SQL files) on the same server, and beside the floor:
 * the same SQL through psql in one transaction. Medians of several rounds. Run by bench/validate.sh; not a test.
 */
public final class ValidateBenchmark {

    private static final int TABLES = 500;
    private static final int VIEWS = 500;
    private static final int MAX_DEPTH = 8;

    /** Arguments: the folder for the models, rounds, and the sizes as multiples of 500 tables and 500 views. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Integer> sizes = Arrays.stream((args.length > 2 ? args[2] : "1,2,4").split(",")).map(String::trim)
                .map(Integer::valueOf).toList();
        long serverStart = System.nanoTime();
        EmbeddedServer server = EmbeddedServer.shared();
        System.out.printf("| embedded PostgreSQL start | %d ms |%n", (System.nanoTime() - serverStart) / 1_000_000);
        System.out.println("| size | changesets | validate | plain Flyway | psql floor | validate / floor "
                + "| validate / Flyway | peak heap in validate |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int size : sizes) {
            measure(root.resolve("size-" + size), size, rounds, server);
        }
        EmbeddedServer.stopShared();
    }

    private static void measure(Path root, int size, int rounds, EmbeddedServer server) throws Exception {
        int tables = TABLES * size;
        int views = VIEWS * size;
        generate(root, tables, views);
        Path redshift = root.resolve("src/main/redshift");
        LintSettings lint = new LintSettings(root, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, Runtime.getRuntime().availableProcessors());
        ValidateSettings settings = new ValidateSettings(lint, null, null, null, false, 300, "flyway_schema_history");
        Path flywaySql = root.resolve("flyway-sql");
        Path psqlFile = root.resolve("all.sql");
        translate(lint, flywaySql, psqlFile);

        double[] validate = new double[rounds];
        double[] flyway = new double[rounds];
        double[] psql = new double[rounds];
        long peakHeap = 0;
        String phases = "";
        for (int round = -1; round < rounds; round++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            ValidateResult result = Validator.run(settings);
            long validateMillis = (System.nanoTime() - start) / 1_000_000;
            // The sum of each pool's own peak: an upper bound of the heap validate held at once.
            peakHeap = Math.max(peakHeap, heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
            if (!result.findings().stream().allMatch(f -> f.severity() == Severity.INFO)) {
                throw new IllegalStateException("the generated model must validate clean; first finding of "
                        + result.findings().size() + ": " + result.findings().get(0));
            }
            try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "bench", false)) {
                start = System.nanoTime();
                Flyway.configure().dataSource(database.url(), server.user(), server.password())
                        .locations("filesystem:" + flywaySql).loggers("slf4j").load().migrate();
                long flywayMillis = (System.nanoTime() - start) / 1_000_000;
                if (round >= 0) {
                    phases = "phases " + result.phases() + ", builds " + result.checkMillis();
                    validate[round] = validateMillis;
                    flyway[round] = flywayMillis;
                }
            }
            try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "bench", false)) {
                String url = database.url();
                String port = url.replaceAll(".*localhost:(\\d+)/.*", "$1");
                start = System.nanoTime();
                ProcessBuilder psqlRun = new ProcessBuilder("psql", "-q", "-X", "-1", "-v", "ON_ERROR_STOP=1",
                        "-h", "localhost", "-p", port, "-U", server.user(), "-d", database.name(), "-f",
                        psqlFile.toString()).redirectErrorStream(true).redirectOutput(root.resolve("psql.log").toFile());
                psqlRun.environment().put("PGPASSWORD", server.password());
                Process process = psqlRun.start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("psql failed: " + Files.readString(root.resolve("psql.log")));
                }
                if (round >= 0) {
                    psql[round] = (System.nanoTime() - start) / 1_000_000.0;
                }
            }
        }
        System.out.printf("| %dx: %d tables, %d views | %d | %.0f ms | %.0f ms | %.0f ms | %.2f | %.2f | %d MB |%n",
                size, tables, views, tables + views, median(validate), median(flyway), median(psql),
                median(validate) / median(psql), median(validate) / median(flyway), peakHeap / (1024 * 1024));
        System.out.println("  (" + size + "x, the last round's " + phases + ")");
    }

    /** The project at its base size: 500 tables, 500 views. */
    static void generate(Path root) throws Exception {
        generate(root, TABLES, VIEWS);
    }

    /**
     * Writes the project: a pom, the absolute model in three files, one changeset per table and per view, 20 ETL
     * queries.
     */
    static void generate(Path root, int tables, int views) throws Exception {
        Path redshift = root.resolve("src/main/redshift");
        for (String folder : List.of("absolute", "incremental", "etl")) {
            Path dir = redshift.resolve(folder);
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        }
        BenchProject.writePom(root, "validate-model");
        Random random = new Random(7);
        List<String> schemas = List.of("s0", "s1", "s2", "s3", "s4");
        StringBuilder absoluteTables = new StringBuilder();
        StringBuilder absoluteViews = new StringBuilder();
        StringBuilder absoluteSchemas = new StringBuilder();
        for (String schema : schemas) {
            absoluteSchemas.append("CREATE SCHEMA ").append(schema).append(";\n");
        }
        Files.writeString(redshift.resolve("absolute/schemas.sql"), absoluteSchemas);
        int version = 1;
        Files.writeString(redshift.resolve("incremental/V" + version++ + "__schemas.sql"), absoluteSchemas);
        for (int t = 0; t < tables; t++) {
            String table = schemas.get(t % schemas.size()) + ".t" + t;
            String ddl = "CREATE TABLE " + table + " (\n    id BIGINT IDENTITY(1, 1) ENCODE az64,\n"
                    + "    k INTEGER NOT NULL DISTKEY,\n    created DATE SORTKEY,\n    amount NUMERIC(12,2),\n"
                    + "    label VARCHAR(64) ENCODE zstd\n);\n";
            absoluteTables.append(ddl);
            Files.writeString(redshift.resolve("incremental/V" + version++ + "__table_t" + t + ".sql"), ddl);
        }
        int[] depth = new int[views];
        for (int v = 0; v < views; v++) {
            String from;
            int below = v > 0 ? random.nextInt(v) : -1;
            if (below >= 0 && depth[below] < MAX_DEPTH - 1 && random.nextInt(3) > 0) {
                depth[v] = depth[below] + 1;
                from = schemas.get(below % schemas.size()) + ".v" + below;
            } else {
                depth[v] = 1;
                int table = random.nextInt(tables);
                from = schemas.get(table % schemas.size()) + ".t" + table;
            }
            String ddl = "CREATE VIEW " + schemas.get(v % schemas.size()) + ".v" + v + " AS\nSELECT id, k, created, "
                    + "NVL(amount, 0) AS amount, label FROM " + from + " WHERE k > " + v + ";\n";
            absoluteViews.append(ddl);
            Files.writeString(redshift.resolve("incremental/V" + version++ + "__view_v" + v + ".sql"), ddl);
        }
        StringBuilder etl = new StringBuilder();
        for (int q = 0; q < 20; q++) {
            int v = random.nextInt(views);
            etl.append("SELECT label, SUM(amount) AS total, DATEADD(day, 1, MAX(created)) AS next_day FROM ")
                    .append(schemas.get(v % schemas.size())).append(".v").append(v).append(" GROUP BY label;\n");
        }
        Files.writeString(redshift.resolve("etl/report.sql"), etl);
        Files.writeString(redshift.resolve("absolute/tables.sql"), absoluteTables);
        Files.writeString(redshift.resolve("absolute/views.sql"), absoluteViews);
        System.out.printf("deepest view: %d%n", Arrays.stream(depth).max().orElse(0));
    }

    /** The changesets translated to PostgreSQL: one Flyway SQL file each, and all of them in one psql file. */
    static void translate(LintSettings lint, Path flywaySql, Path psqlFile) throws Exception {
        Files.createDirectories(flywaySql);
        Project project = ProjectLoader.load(lint.project());
        StringBuilder all = new StringBuilder();
        for (String sql : RedshiftToPostgresTranslator.setUp()) {
            all.append(sql).append(";\n");
        }
        List<String> setUp = new ArrayList<>(RedshiftToPostgresTranslator.setUp());
        Files.writeString(flywaySql.resolve("V0__set_up.sql"), String.join(";\n", setUp) + ";\n");
        for (Changeset changeset : project.changesets()) {
            StringBuilder file = new StringBuilder();
            for (ParsedStatement statement : changeset.script().statements()) {
                Translation translation = RedshiftToPostgresTranslator.translate(statement);
                for (String sql : translation.sql()) {
                    file.append(sql).append(";\n");
                }
            }
            all.append(file);
            Files.writeString(flywaySql.resolve(changeset.script().file().path().getFileName()), file);
        }
        Files.writeString(psqlFile, all);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
