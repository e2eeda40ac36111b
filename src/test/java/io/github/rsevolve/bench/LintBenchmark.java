package io.github.rsevolve.bench;

import static io.github.rsevolve.bench.ValidateBenchmark.median;

import io.github.rsevolve.core.lint.LintResult;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.sql.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * In-process lint speed on a folder of SQL (the shared corpus), warm, side by side with lint reading every query with
 * JSqlParser too (redshift.parseQueries) and with JSqlParser alone parsing the same statements, with nothing
 * Redshift-specific and no rules. Prints medians of several rounds and the slowest single statement. Run by
 * bench/lint.sh; not a test.
 */
public final class LintBenchmark {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        SqlSourceReader reader = new SqlSourceReader(corpus, SqlSourceReader.DEFAULT_MAX_FILE_BYTES);
        List<String> texts = new ArrayList<>();
        List<SqlStatement> statements = new ArrayList<>();
        for (Path file : files) {
            for (SqlStatement statement : reader.read(file).statements()) {
                statements.add(statement);
                texts.add(statement.text());
            }
        }
        LintSettings settings = settings(corpus, threads, ParseDepth.TOKENS);
        LintSettings oneThread = settings(corpus, 1, ParseDepth.TOKENS);
        LintSettings fullGrammar = settings(corpus, threads, ParseDepth.FULL);

        double[] lint = new double[rounds];
        double[] lintOneThread = new double[rounds];
        double[] lintFullGrammar = new double[rounds];
        double[] floor = new double[rounds];
        int linted = 0;
        for (int round = -2; round < rounds; round++) {
            long start = System.nanoTime();
            LintResult result = Linter.run(settings);
            long lintNanos = System.nanoTime() - start;
            linted = result.statements();
            start = System.nanoTime();
            Linter.run(oneThread);
            long oneThreadNanos = System.nanoTime() - start;
            start = System.nanoTime();
            Linter.run(fullGrammar);
            long fullGrammarNanos = System.nanoTime() - start;
            start = System.nanoTime();
            int parsed = 0;
            for (String text : texts) {
                try {
                    CCJSqlParserUtil.parse(text);
                    parsed++;
                } catch (Exception | StackOverflowError e) {
                    // The floor only measures parsing time; failures count as work done.
                }
            }
            long floorNanos = System.nanoTime() - start;
            if (round >= 0) {
                lint[round] = linted / (lintNanos / 1e9);
                lintOneThread[round] = linted / (oneThreadNanos / 1e9);
                lintFullGrammar[round] = linted / (fullGrammarNanos / 1e9);
                floor[round] = texts.size() / (floorNanos / 1e9);
            }
        }
        long slowestNanos = 0;
        String slowest = "";
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            for (SqlStatement statement : statements) {
                long start = System.nanoTime();
                parser.parse(statement);
                long nanos = System.nanoTime() - start;
                if (nanos > slowestNanos) {
                    slowestNanos = nanos;
                    slowest = statement.file().displayPath() + ":" + statement.position();
                }
            }
        }
        System.out.printf("files %d, statements %d, threads %d, rounds %d%n", files.size(), linted, threads, rounds);
        System.out.printf("| in-process lint, warm (split, parse, model, %d rules) | %.0f statements/s |%n",
                Linter.rules().size(), median(lint));
        System.out.printf("| in-process lint, one thread | %.0f statements/s |%n", median(lintOneThread));
        System.out.printf("| in-process lint with redshift.parseQueries (JSqlParser too) | %.0f statements/s |%n",
                median(lintFullGrammar));
        System.out.printf("| floor: JSqlParser alone, one thread, no rules | %.0f statements/s |%n", median(floor));
        System.out.printf("| ratio lint / floor, one thread each | %.2f |%n", median(lintOneThread) / median(floor));
        System.out.printf("| slowest statement through JSqlParser (one thread, warm) | %.1f ms at %s |%n", slowestNanos / 1e6, slowest);
    }

    private static LintSettings settings(Path corpus, int threads, ParseDepth depth) {
        return new LintSettings(corpus, corpus, corpus.resolve("none"), corpus.resolve("none"), Map.of(),
                RedshiftParser.DEFAULT_TIMEOUT_MILLIS, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, threads, List.of(), depth);
    }
}
