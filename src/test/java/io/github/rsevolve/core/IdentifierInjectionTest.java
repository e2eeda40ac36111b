package io.github.rsevolve.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.DiffResult;
import io.github.rsevolve.core.changes.DiffSettings;
import io.github.rsevolve.core.changes.Differ;
import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.changes.Regeneration;
import io.github.rsevolve.core.changes.Regenerator;
import io.github.rsevolve.core.copy.CopyFixture;
import io.github.rsevolve.core.copy.CopySettings;
import io.github.rsevolve.core.copy.CopyTable;
import io.github.rsevolve.core.copy.DataCopier;
import io.github.rsevolve.core.copy.TableCopy;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlText;
import io.github.rsevolve.core.validate.ValidateResult;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that try to break out of the SQL text the plugin writes run nothing, on every path that writes SQL:
 * validate's two builds, migrate with its verification, regenerate, diff and copy-data. Each name carries a
 * {@code COPY ... TO PROGRAM} that would create a file in the server's data directory; none may appear.
 */
class IdentifierInjectionTest {

    /** The name a security review used: the backslash ended a literal that only doubled quotes. */
    private static final String PAYLOAD = "x\\'); COPY (SELECT 1) TO PROGRAM $p$touch pwned$p$; --";

    private static final String[] FRAGMENTS = {"'", "\\", "\\'", "''", "\"", "$$", "$p$", ";", ".", " ", "--",
            "/*", "*/", "é", "表", "a", "b", "_", "'); copy (select 1) to program $p$touch pwned$p$; --"};

    @TempDir
    Path project;

    @BeforeEach
    void noMarkerYet() throws Exception {
        assertFalse(markerExists(), "a marker from an earlier run");
    }

    /**
     * The payload and generated names of quotes, backslashes, dollar quotes, semicolons, dots and unicode: lower
     * case (Redshift folds delimited names too) and at most 63 bytes, so PostgreSQL keeps them whole.
     */
    static List<String> names(int count, long seed) {
        Random random = new Random(seed);
        Set<String> names = new LinkedHashSet<>();
        names.add(PAYLOAD);
        while (names.size() < count) {
            StringBuilder name = new StringBuilder("c");
            int parts = 1 + random.nextInt(6);
            for (int i = 0; i < parts; i++) {
                String fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
                if ((name + fragment).getBytes(StandardCharsets.UTF_8).length <= 63) {
                    name.append(fragment);
                }
            }
            names.add(name.toString());
        }
        return List.copyOf(names);
    }

    /** A model whose table, columns, keys, constraint, grant, comment and view carry the names. */
    private static String model(List<String> names) {
        String table = "inj." + SqlText.identifier(PAYLOAD);
        StringBuilder sql = new StringBuilder("CREATE SCHEMA inj;\nCREATE TABLE " + table + " (\n");
        for (String name : names) {
            sql.append("    ").append(SqlText.identifier(name)).append(" VARCHAR(200) ENCODE zstd,\n");
        }
        sql.append("    PRIMARY KEY (").append(SqlText.identifier(names.get(1))).append(")\n)\nDISTKEY (")
                .append(SqlText.identifier(PAYLOAD)).append(")\nSORTKEY (").append(SqlText.identifier(names.get(2)))
                .append(");\n");
        sql.append("COMMENT ON TABLE ").append(table).append(" IS ").append(SqlText.redshiftLiteral(PAYLOAD))
                .append(";\n");
        sql.append("GRANT SELECT ON ").append(table).append(" TO GROUP ").append(SqlText.identifier(PAYLOAD))
                .append(";\n");
        sql.append("CREATE VIEW inj.").append(SqlText.identifier(names.get(3))).append(" AS SELECT ")
                .append(SqlText.identifier(PAYLOAD)).append(" FROM ").append(table).append(";\n");
        return sql.toString();
    }

    /** Whether a COPY ... TO PROGRAM ran: it would have created the file in the server's data directory. */
    private static boolean markerExists() throws Exception {
        try (Connection admin = EmbeddedServer.shared().adminConnection(
                ); Statement statement = admin.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_stat_file('pwned', true) IS NOT NULL")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private static void assertNothingRan(String path, List<Finding> findings) throws Exception {
        assertFalse(markerExists(), path + " ran the program in a name");
        List<Finding> broken = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(List.of(), broken, path + ": a name broke the SQL around it");
    }

    @Test
    void theNamesStayNamesInValidateMigrateRegenerateDiffAndCopy() throws Exception {
        List<String> names = names(40, 20261201);
        String model = model(names);
        RegenerateTestSupport.write(project, "absolute/model.sql", model);
        RegenerateTestSupport.write(project, "incremental/V1__model.sql", model);
        LintSettings lint = RegenerateTestSupport.settings(project);

        ValidateResult validate = RegenerateTestSupport.validate(project);
        assertNothingRan("validate", validate.findings());
        assertTrue(validate.lint().findings().stream().anyMatch(f -> f.rule().equals("risky-identifier")),
                "lint warns of the names");

        ValidateSettings throwaway = new ValidateSettings(lint, null, null, null, false, 60, "flyway_schema_history");
        try (ThrowawayDatabase pro = ThrowawayDatabase.create(EmbeddedServer.shared(), "pro", false);
             ThrowawayDatabase qa = ThrowawayDatabase.create(EmbeddedServer.shared(), "qa", false)) {
            Environment from = CopyFixture.deploy(lint, pro, "pro");
            Environment to = CopyFixture.deploy(lint, qa, "qa");
            List<Finding> migrated = new ArrayList<>(new Migrator(from, ProjectLoader.load(lint.project()))
                    .migrate(lint, line -> { }));
            migrated.addAll(Validator.driftAgainst(throwaway, new Migrator(from, ProjectLoader.load(lint.project()))));
            assertNothingRan("migrate with verification", migrated);

            // Redshift folds delimited names to lower case, and so did the translator.
            String table = SqlText.identifier(PAYLOAD.toLowerCase(Locale.ROOT));
            CopyFixture.execute(pro, "INSERT INTO inj." + table + " (" + table + ", "
                    + SqlText.identifier(names.get(1)) + ") VALUES ("
                    + SqlText.literal(PAYLOAD) + ", " + SqlText.literal(names.get(1)) + ")");
            List<TableCopy> copies = DataCopier.copy(new CopySettings(lint, from, to,
                    List.of(new CopyTable("inj.*", null, List.of(), Map.of())), false, false, 100, null), line -> { });
            assertFalse(markerExists(), "copy-data ran the program in a name");
            assertEquals(1, copies.size(), copies.toString());
            assertTrue(copies.get(0).proven() && copies.get(0).rows() == 1, copies.toString());
        }

        Regeneration regeneration = new Regenerator(RegenerateTestSupport.load(project))
                .regenerate(List.of(new ObjectName("inj", PAYLOAD)), null);
        RegenerateTestSupport.write(project, "incremental/" + regeneration.fileName(), regeneration.sql());
        assertNothingRan("regenerate, then validate", RegenerateTestSupport.validate(project).findings());

        String changed = model.replace("ENCODE zstd,\n    PRIMARY KEY", "ENCODE zstd,\n    "
                + SqlText.identifier(names.get(4) + "2") + " INT,\n    PRIMARY KEY");
        RegenerateTestSupport.write(project, "absolute/model.sql", changed.replace(
                "IS " + SqlText.redshiftLiteral(PAYLOAD), "IS " + SqlText.redshiftLiteral(names.get(5))));
        DiffResult diff = Differ.run(new DiffSettings(throwaway, null, "names", false, true, true,
                project.resolve("target/diff-dry-run")));
        assertNothingRan("diff and its check", diff.check().findings());
        assertTrue(diff.matches(), "the drafted changeset builds the model: " + diff.check().findings());
    }
}
