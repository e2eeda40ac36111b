package io.github.rsevolve.bench;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * migrate of 1,000 changesets (lint of the pending ones, then the deploy), beside plain Flyway migrating the same
 * changesets (translated to PostgreSQL, as SQL files) on the same server; medians of several rounds, each on a fresh
 * database. Run by bench/migrate.sh; not a test.
 */
public final class MigrateBenchmark {

    private MigrateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ValidateBenchmark.generate(root);
        Path redshift = root.resolve("src/main/redshift");
        LintSettings lint = new LintSettings(root, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, Runtime.getRuntime().availableProcessors());
        Path flywaySql = root.resolve("flyway-sql");
        ValidateBenchmark.translate(lint, flywaySql, root.resolve("all.sql"));
        EmbeddedServer server = EmbeddedServer.shared();
        double[] migrate = new double[rounds];
        double[] flyway = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "bench", false)) {
                long start = System.nanoTime();
                Environment environment = new Environment("bench", database.url().replaceFirst("\\?.*$", ""),
                        server.user(), server.password(), "flyway_schema_history", Map.of(), true, 300);
                new Migrator(environment, ProjectLoader.load(lint.project())).migrate(lint, line -> { });
                if (round >= 0) {
                    migrate[round] = (System.nanoTime() - start) / 1e6;
                }
            }
            try (ThrowawayDatabase database = ThrowawayDatabase.create(server, "bench", false)) {
                long start = System.nanoTime();
                Flyway.configure().dataSource(database.url(), server.user(), server.password())
                        .locations("filesystem:" + flywaySql).loggers("slf4j").load().migrate();
                if (round >= 0) {
                    flyway[round] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        System.out.printf("| redshift:migrate of 1,000 changesets (read, lint, deploy) | %.0f ms |%n",
                ValidateBenchmark.median(migrate));
        System.out.printf("| plain Flyway migrate of the same changesets, same server | %.0f ms |%n",
                ValidateBenchmark.median(flyway));
        System.out.printf("| overhead | %+.0f%% |%n",
                100 * (ValidateBenchmark.median(migrate) / ValidateBenchmark.median(flyway) - 1));
        EmbeddedServer.stopShared();
    }
}
