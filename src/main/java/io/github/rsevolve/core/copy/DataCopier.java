package io.github.rsevolve.core.copy;

import io.github.rsevolve.core.db.ExternalServer;
import io.github.rsevolve.core.lint.LintProject;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.migrate.ChangesetState;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies tables from one environment to another over JDBC, streamed in batches (COPY FROM STDIN into PostgreSQL,
 * multi-row INSERT into Redshift), each table replaced in one transaction of the target, then proves each copy by
 * comparing row count, numeric sums and a checksum computed in SQL on both sides.
 */
public final class DataCopier {

    private final CopySettings settings;
    private final Consumer<String> progress;

    private DataCopier(CopySettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Copies and proves every table; the first table whose proof fails does not stop the others. */
    public static List<TableCopy> copy(CopySettings settings, Consumer<String> progress) {
        if (settings.targetProtected() && !settings.allowProtectedTarget()) {
            throw new CopyException("Environment " + settings.to().name() + " is protected: copy-data writes "
                    + "nothing into it. If you mean it, run with -Dredshift.allowProtectedTarget=true.");
        }
        return new DataCopier(settings, progress).run();
    }

    private List<TableCopy> run() {
        try (Connection source = connect(settings.from()); Connection target = connect(settings.to())) {
            Map<String, Map<String, String>> sourceColumns = columns(source);
            Map<String, Map<String, String>> targetColumns = columns(target);
            Map<String, CopyTable> tables = select(sourceColumns.keySet());
            checkSameSchema(tables.keySet(), sourceColumns, targetColumns);
            List<TableCopy> copies = new ArrayList<>();
            for (Map.Entry<String, CopyTable> table : tables.entrySet()) {
                copies.add(copyTable(source, target, table.getKey(), table.getValue(),
                        sourceColumns.get(table.getKey())));
            }
            return copies;
        } catch (SQLException e) {
            throw new CopyException("Copying from " + settings.from().name() + " to " + settings.to().name()
                    + " failed: " + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /** A connection; on a PostgreSQL stand-in that translates, with the compatibility functions on the path. */
    private static Connection connect(Environment environment) {
        try {
            Connection connection = ExternalServer.connect(environment.url(), environment.user(),
                    environment.password());
            if (translates(environment)) {
                try (Statement statement = connection.createStatement()) {
                    String compat = RedshiftToPostgresTranslator.COMPAT_SCHEMA;
                    statement.execute("SELECT set_config('search_path', current_setting('search_path') || ', "
                            + compat + "', false) FROM pg_namespace WHERE nspname = '" + compat + "'");
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new CopyException("Cannot connect to environment " + environment.name() + " at "
                    + ExternalServer.masked(environment.url()) + " as " + environment.user() + ": "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /** Every base table's columns in order, name to data type, by schema.table. */
    private static Map<String, Map<String, String>> columns(Connection connection) throws SQLException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
                        + "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
                        + "AND t.table_name = c.table_name WHERE t.table_type = 'BASE TABLE' AND c.table_schema "
                        + "NOT IN ('pg_catalog', 'information_schema', 'rse_meta', 'rse_compat') "
                        + "ORDER BY c.table_schema, c.table_name, c.ordinal_position")) {
            while (result.next()) {
                tables.computeIfAbsent(result.getString(1) + "." + result.getString(2), k -> new LinkedHashMap<>())
                        .put(result.getString(3), result.getString(4));
            }
        }
        return tables;
    }

    /** The source's tables the configuration names; a name that matches nothing is an error. */
    private Map<String, CopyTable> select(Set<String> sourceTables) {
        Map<String, CopyTable> selected = new LinkedHashMap<>();
        for (CopyTable copy : settings.tables()) {
            List<String> matched = sourceTables.stream().filter(t -> {
                ObjectName name = ObjectName.parse(t);
                return copy.matches(name.schema(), name.name());
            }).toList();
            if (matched.isEmpty()) {
                throw new CopyException("No table of environment " + settings.from().name() + " matches '"
                        + copy.pattern() + "'; name tables as schema.table, patterns as dw.* or dw.fact_*.");
            }
            matched.forEach(t -> selected.putIfAbsent(t, copy));
        }
        if (selected.isEmpty()) {
            throw new CopyException("Name the tables to copy: <copy><table>dw.orders</table></copy> in the plugin's "
                    + "configuration, or -Dredshift.tables=dw.orders,dw.customers.");
        }
        return selected;
    }

    /**
     * The target must have the copied tables with the source's columns; when it has not, the changesets one side
     * has applied and the other has not say why.
     */
    private void checkSameSchema(Set<String> tables, Map<String, Map<String, String>> source,
                                 Map<String, Map<String, String>> target) {
        List<String> differences = new ArrayList<>();
        for (String table : tables) {
            Map<String, String> wanted = source.get(table);
            Map<String, String> found = target.get(table);
            if (found == null) {
                differences.add(table + " does not exist in " + settings.to().name());
            } else if (!wanted.equals(found)) {
                differences.add(table + " has columns " + describe(found) + " in " + settings.to().name() + ", "
                        + describe(wanted) + " in " + settings.from().name());
            }
        }
        if (differences.isEmpty()) {
            return;
        }
        throw new CopyException("The schemas differ, so nothing was copied: " + String.join("; ", differences)
                + ". " + lackingChangesets());
    }

    private static String describe(Map<String, String> columns) {
        return columns.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private String lackingChangesets() {
        try {
            LintProject project = Linter.load(settings.lint());
            Set<String> fromApplied = applied(new Migrator(settings.from(), project).info());
            Set<String> toApplied = applied(new Migrator(settings.to(), project).info());
            Set<String> lacking = new TreeSet<>(fromApplied);
            lacking.removeAll(toApplied);
            Set<String> ahead = new TreeSet<>(toApplied);
            ahead.removeAll(fromApplied);
            if (lacking.isEmpty() && ahead.isEmpty()) {
                return "Both have applied the same changesets; the difference was made outside them.";
            }
            return (lacking.isEmpty() ? "" : settings.to().name() + " lacks " + String.join(", ", lacking)
                    + ": deploy them with redshift:migrate first. ") + (ahead.isEmpty() ? ""
                    : settings.from().name() + " lacks " + String.join(", ", ahead) + ".");
        } catch (RuntimeException e) {
            return "Which changesets each has applied could not be read: " + e.getMessage();
        }
    }

    private static Set<String> applied(List<ChangesetState> states) {
        return states.stream().filter(s -> s.state().equals("SUCCESS")).map(ChangesetState::script)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private TableCopy copyTable(Connection source, Connection target, String table, CopyTable copy,
                                Map<String, String> types) throws SQLException {
        String quoted = ObjectName.parse(table).toSql();
        Map<String, String> sourceExpressions = new LinkedHashMap<>();
        Map<String, String> targetExpressions = new LinkedHashMap<>();
        Map<String, String> numeric = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : types.entrySet()) {
            String name = column.getKey();
            if (copy.excluded().contains(name)) {
                continue;
            }
            String identifier = new ObjectName(null, name).toSql();
            String mask = copy.masked().get(name);
            sourceExpressions.put(name, mask == null ? identifier : "(" + sql(settings.from(), mask) + ")");
            targetExpressions.put(name, identifier);
            String kind = numberKind(column.getValue());
            if (kind != null && mask == null) {
                numeric.put(name, kind);
            }
        }
        String where = copy.where() == null || copy.where().isBlank() ? null : sql(settings.from(), copy.where());
        long started = System.nanoTime();
        long rows = transfer(source, target, quoted, sourceExpressions, where);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Proof sourceProof = Proof.compute(source, Proof.Dialect.of(settings.from().url()), quoted, sourceExpressions,
                numeric, where);
        Proof targetProof = Proof.compute(target, Proof.Dialect.of(settings.to().url()), quoted, targetExpressions,
                numeric, null);
        TableCopy result = new TableCopy(table, rows, millis, sourceProof, targetProof);
        progress.accept(String.format(Locale.ROOT, "%s: %,d rows in %.1f s (%,d rows/s); %s", table, rows,
                millis / 1000.0, result.rowsPerSecond(), result.proven() ? "proof: count, sums and checksum match"
                        : "PROOF FAILED: source " + sourceProof + ", target " + targetProof));
        return result;
    }

    /** Redshift SQL as the environment reads it: rewritten for a PostgreSQL stand-in that translates. */
    private static String sql(Environment environment, String redshiftSql) {
        return translates(environment) ? RedshiftToPostgresTranslator.translateExpression(redshiftSql) : redshiftSql;
    }

    private static boolean translates(Environment environment) {
        return environment.translate() && environment.url().startsWith("jdbc:postgresql:");
    }

    private static String numberKind(String dataType) {
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "smallint", "integer", "bigint", "numeric", "decimal" -> "exact";
            case "real", "double precision" -> "float";
            default -> null;
        };
    }

    /**
     * Replaces the target's rows in one transaction: DELETE rather than TRUNCATE, which commits at once on
     * Redshift (docs: TRUNCATE), so readers never see the table half copied.
     */
    private long transfer(Connection source, Connection target, String table, Map<String, String> expressions,
                          String where) throws SQLException {
        String columns = expressions.keySet().stream().map(c -> new ObjectName(null, c).toSql())
                .collect(Collectors.joining(", "));
        String select = "SELECT " + String.join(", ", expressions.values()) + " FROM " + table
                + (where == null ? "" : " WHERE " + where);
        boolean sourceAutoCommit = source.getAutoCommit();
        source.setAutoCommit(false);
        target.setAutoCommit(false);
        try (Statement read = source.createStatement()) {
            // With autocommit off, both drivers fetch through a cursor: a table is never held in memory.
            read.setFetchSize(settings.batchRows());
            try (Statement clear = target.createStatement()) {
                clear.executeUpdate("DELETE FROM " + table);
            }
            long rows;
            try (ResultSet result = read.executeQuery(select)) {
                rows = Proof.Dialect.of(settings.to().url()) == Proof.Dialect.POSTGRES
                        ? copyIn(target, table, columns, result) : insertBatches(target, table, columns, result);
            }
            target.commit();
            source.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            source.rollback();
            throw e;
        } finally {
            target.setAutoCommit(true);
            source.setAutoCommit(sourceAutoCommit);
        }
    }

    /** PostgreSQL's COPY FROM STDIN in its text format, a batch of rows per write. */
    private long copyIn(Connection target, String table, String columns, ResultSet rows) throws SQLException {
        CopyIn copy = target.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        int width = rows.getMetaData().getColumnCount();
        long count = 0;
        StringBuilder batch = new StringBuilder();
        try {
            while (rows.next()) {
                for (int i = 1; i <= width; i++) {
                    String value = rows.getString(i);
                    batch.append(value == null ? "\\N" : escape(value)).append(i < width ? '\t' : '\n');
                }
                if (++count % settings.batchRows() == 0) {
                    write(copy, batch);
                }
            }
            write(copy, batch);
            copy.endCopy();
            return count;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Multi-row INSERTs of a batch of rows each, the fastest way into Redshift without S3. */
    private long insertBatches(Connection target, String table, String columns, ResultSet rows) throws SQLException {
        int width = rows.getMetaData().getColumnCount();
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        List<Object[]> batch = new ArrayList<>();
        long count = 0;
        while (rows.next()) {
            Object[] values = new Object[width];
            for (int i = 0; i < width; i++) {
                values[i] = rows.getObject(i + 1);
            }
            batch.add(values);
            count++;
            if (batch.size() == settings.batchRows()) {
                insert(target, table, columns, row, batch);
            }
        }
        insert(target, table, columns, row, batch);
        return count;
    }

    private static void insert(Connection target, String table, String columns, String row, List<Object[]> batch)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES "
                + String.join(", ", Collections.nCopies(batch.size(), row));
        try (PreparedStatement insert = target.prepareStatement(sql)) {
            int parameter = 1;
            for (Object[] values : batch) {
                for (Object value : values) {
                    insert.setObject(parameter++, value);
                }
            }
            insert.executeUpdate();
        }
        batch.clear();
    }
}
