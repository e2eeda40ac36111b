package io.github.rsevolve.bench;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.copy.CopyFixture;
import io.github.rsevolve.core.copy.CopySettings;
import io.github.rsevolve.core.copy.CopyTable;
import io.github.rsevolve.core.copy.DataCopier;
import io.github.rsevolve.core.copy.TableCopy;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.migrate.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * copy-data's JDBC path copying one table of a million rows between two databases of the embedded PostgreSQL,
 * beside psql's \copy of the same table out to a file and back in (the floor: PostgreSQL's own bulk path, no
 * proof), and psql's \copy out piped into \copy in; medians of several rounds. Run by bench/copy.sh; not a test.
 */
public final class CopyBenchmark {

    private CopyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        RegenerateTestSupport.write(root, "incremental/V1__model.sql", CopyFixture.EVENTS_MODEL);
        LintSettings lint = RegenerateTestSupport.settings(root);
        EmbeddedServer server = EmbeddedServer.shared();
        double[] transfer = new double[rounds];
        double[] withProof = new double[rounds];
        double[] psqlFile = new double[rounds];
        double[] psqlPipe = new double[rounds];
        try (ThrowawayDatabase pro = ThrowawayDatabase.create(server, "pro", false);
             ThrowawayDatabase qa = ThrowawayDatabase.create(server, "qa", false)) {
            Environment from = CopyFixture.deploy(lint, pro, "pro");
            Environment to = CopyFixture.deploy(lint, qa, "qa");
            CopyFixture.fillEvents(pro, rows);
            CopyFixture.execute(pro, "VACUUM ANALYZE dw.events");
            String port = pro.url().replaceAll(".*localhost:(\\d+)/.*", "$1");
            String psql = "psql -q -X -v ON_ERROR_STOP=1 -h localhost -p " + port + " -U " + server.user() + " -d ";
            Path file = root.resolve("events.copy");
            CopySettings settings = new CopySettings(lint, from, to,
                    List.of(new CopyTable("dw.events", null, List.of(), Map.of())), false, false, 10_000, null);
            for (int round = -1; round < rounds; round++) {
                long start = System.nanoTime();
                TableCopy copy = DataCopier.copy(settings, line -> { }).get(0);
                double total = (System.nanoTime() - start) / 1e6;
                if (!copy.proven() || copy.rows() != rows) {
                    throw new IllegalStateException("the copy must be complete and proven: " + copy);
                }
                double toFile = shell(psql + pro.name() + " -c \"\\copy dw.events TO '" + file + "'\" && "
                        + psql + qa.name() + " -1 -c 'DELETE FROM dw.events' -c \"\\copy dw.events FROM '" + file
                        + "'\"");
                double piped = shell(psql + pro.name() + " -c '\\copy dw.events TO STDOUT' | " + psql + qa.name()
                        + " -1 -c 'DELETE FROM dw.events' -c '\\copy dw.events FROM STDIN'");
                if (round >= 0) {
                    transfer[round] = copy.millis();
                    withProof[round] = total;
                    psqlFile[round] = toFile;
                    psqlPipe[round] = piped;
                }
            }
        }
        double floor = rows / (ValidateBenchmark.median(psqlFile) / 1000);
        System.out.printf("| %,d rows of dw.events (8 columns, ~110 bytes a row), median of %d | rows/s | vs floor |%n",
                rows, rounds);
        System.out.println("|---|---|---|");
        row("copy-data JDBC path: the copy (cursor, COPY FROM STDIN, one transaction)", rows, transfer, floor);
        row("copy-data whole run: checks, copy and proof on both sides", rows, withProof, floor);
        row("floor: psql \\copy out to a file, then \\copy in (one transaction)", rows, psqlFile, floor);
        row("psql \\copy out piped into \\copy in", rows, psqlPipe, floor);
        EmbeddedServer.stopShared();
    }

    private static void row(String what, long rows, double[] millis, double floor) {
        double perSecond = rows / (ValidateBenchmark.median(millis) / 1000);
        System.out.printf("| %s | %,.0f | %.2f |%n", what, perSecond, perSecond / floor);
    }

    /** Milliseconds the command took; it must succeed. */
    private static double shell(String command) throws Exception {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", EmbeddedServer.shared().password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + command + "\n" + output);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
