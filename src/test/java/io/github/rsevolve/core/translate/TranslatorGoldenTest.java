package io.github.rsevolve.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden pairs: each {@code <case>.redshift.sql} translates to exactly {@code <case>.postgres.sql}, and that
 * PostgreSQL runs, statement by statement, on the embedded PostgreSQL. Regenerate the goldens with
 * {@code mvn test -Dtest=TranslatorGoldenTest -Dredshift.updateGolden=true}.
 */
class TranslatorGoldenTest {

    private static final Path CASES = Path.of("src/test/resources/translate");

    @TestFactory
    Stream<DynamicTest> goldenPairs() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(CASES)) {
            inputs = files.filter(f -> f.toString().endsWith(".redshift.sql")).sorted().toList();
        }
        // One database for all cases, in name order: later cases use the tables earlier ones create.
        ThrowawayDatabase database = prepared();
        return Stream.concat(inputs.stream().map(input -> DynamicTest.dynamicTest(
                input.getFileName().toString(), () -> check(input, database))),
                Stream.of(DynamicTest.dynamicTest("drop the database", database::close)));
    }

    private static ThrowawayDatabase prepared() {
        ThrowawayDatabase database = StandInDatabase.prepared("translate");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA dw");
            statement.execute("CREATE TABLE dw.customers (customer_id integer)");
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Path input, ThrowawayDatabase database) throws IOException, SQLException {
        String golden = input.getFileName().toString().replace(".redshift.sql", ".postgres.sql");
        List<String> translated = new ArrayList<>();
        List<String> runnable = new ArrayList<>();
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            for (SqlStatement statement : new SqlSourceReader(CASES, Long.MAX_VALUE).read(input).statements()) {
                ParsedStatement parsed = parser.parse(statement);
                assertTrue(parsed.understood(), parsed.problems().toString());
                Translation translation = RedshiftToPostgresTranslator.translate(parsed);
                translated.add(translation.isSkipped() ? "-- skipped: " + translation.skipped()
                        : String.join(";\n", translation.sql()) + ";");
                runnable.addAll(translation.sql());
            }
        }
        String text = String.join("\n", translated) + "\n";
        Path expected = CASES.resolve(golden);
        if (Boolean.getBoolean("redshift.updateGolden")) {
            Files.writeString(expected, text);
        }
        assertEquals(Files.exists(expected) ? Files.readString(expected) : "", text, "golden " + golden);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : runnable) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError("PostgreSQL rejects " + sql + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
