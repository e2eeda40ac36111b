package io.github.rsevolve.core.copy;

import static io.github.rsevolve.core.finding.RedshiftException.Code.COPY;

import io.github.rsevolve.core.catalog.CatalogReader;
import io.github.rsevolve.core.db.ExternalServer;
import io.github.rsevolve.core.execute.StandIn;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.migrate.ChangesetState;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.util.PSQLException;

/**
 * Copies tables from one environment to another, each table replaced in one transaction of the target, then proves
 * each copy by comparing row count, numeric sums and a checksum computed in SQL on both sides. Between two Redshift
 * clusters with an S3 staging location: UNLOAD and COPY; otherwise JDBC streaming. Everything that can be checked
 * before a row is written is checked first: the tables named, the schemas, each table's filter and masks.
 */
public final class DataCopier {

    private final CopySettings settings;
    private final Consumer<String> progress;
    private final Proof.Dialect sourceDialect;
    private final Proof.Dialect targetDialect;

    private DataCopier(CopySettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.sourceDialect = Proof.Dialect.of(settings.from().url());
        this.targetDialect = Proof.Dialect.of(settings.to().url());
    }

    /** Copies and proves every table; the first table whose proof fails does not stop the others. */
    public static List<TableCopy> copy(CopySettings settings, Consumer<String> progress) {
        if (settings.targetProtected() && !settings.allowProtectedTarget()) {
            throw new RedshiftException(COPY, "Environment " + settings.to().name() + " is protected: copy-data writes "
                    + "nothing into it. If you mean it, run with -Dredshift.allowProtectedTarget=true.");
        }
        CopyExpressions.check(settings.tables());
        return new DataCopier(settings, progress).run();
    }

    private List<TableCopy> run() {
        try (Connection source = connect(settings.from()); Connection target = connect(settings.to())) {
            Catalog sourceCatalog = catalog(source, settings.from());
            Catalog targetCatalog = catalog(target, settings.to());
            Map<String, CopyTable> tables = select(sourceCatalog.columns().keySet());
            checkSameSchema(tables.keySet(), sourceCatalog.columns(), targetCatalog.columns());
            List<CopyPlan> plans = new ArrayList<>();
            for (Map.Entry<String, CopyTable> table : tables.entrySet()) {
                CopyPlan plan = plan(table.getKey(), table.getValue(), sourceCatalog);
                checkReadable(source, plan, table.getValue());
                plans.add(plan);
            }
            Transfer transfer = transfer();
            List<TableCopy> copies = new ArrayList<>();
            for (CopyPlan plan : plans) {
                copies.add(copyTable(source, target, transfer, plan, copies));
            }
            return copies;
        } catch (SQLException e) {
            throw new RedshiftException(COPY, "Reading the tables of " + settings.from().name() + " and "
                    + settings.to().name() + " failed: " + oneLine(e), e);
        }
    }

    /**
     * UNLOAD and COPY through S3 between two Redshift clusters when a staging location is configured (Redshift's
     * own way to move data in bulk, in parallel on every slice); JDBC streaming otherwise.
     */
    private Transfer transfer() {
        boolean redshiftToRedshift = sourceDialect == Proof.Dialect.REDSHIFT
                && targetDialect == Proof.Dialect.REDSHIFT;
        if (settings.staging() != null && redshiftToRedshift) {
            progress.accept("Copying through " + settings.staging().location() + " with UNLOAD and COPY.");
            return new S3Transfer(settings.staging(), settings.from().name(), settings.to().name(), Instant.now(),
                    progress);
        }
        if (settings.staging() != null) {
            progress.accept("S3 staging is configured, but UNLOAD and COPY need Redshift on both sides: copying "
                    + "over JDBC.");
        }
        return new JdbcTransfer(settings.batchRows(), targetDialect == Proof.Dialect.POSTGRES);
    }

    /** A connection; on a PostgreSQL stand-in that translates, with the compatibility functions on the path. */
    private static Connection connect(Environment environment) {
        try {
            Connection connection = ExternalServer.connect(environment.url(), environment.user(),
                    environment.password(), environment.connectTimeoutSeconds());
            if (translates(environment)) {
                StandIn.compatibilityOnPath(connection);
            }
            return connection;
        } catch (SQLException e) {
            throw new RedshiftException(COPY, "Cannot connect to environment " + environment.name() + " at "
                    + ExternalServer.masked(environment.url()) + " as " + environment.user() + ": " + oneLine(e), e);
        }
    }

    /**
     * A side's base tables.
     *
     * @param columns         schema.table to its columns in order, name to type as the catalog prints it
     * @param identityColumns schema.table.column of each IDENTITY column
     */
    private record Catalog(Map<String, Map<String, String>> columns, Set<String> identityColumns) {
    }

    private static Catalog catalog(Connection connection, Environment environment) throws SQLException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Set<String> identity = new TreeSet<>();
        CatalogReader.tableColumns(connection, environment.historyTable()).forEach((name, columns) -> {
            // As SQL, so that a name holding a dot or a quote reads back as the same schema and table.
            String table = name.toSql();
            Map<String, String> types = tables.computeIfAbsent(table, k -> new LinkedHashMap<>());
            for (CatalogReader.TableColumn column : columns) {
                types.put(column.name(), column.type());
                if (column.identity()) {
                    identity.add(table + "." + column.name());
                }
            }
        });
        return new Catalog(tables, identity);
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
                throw new RedshiftException(COPY, "No table of environment " + settings.from().name() + " matches '"
                        + copy.pattern() + "'; name tables as schema.table, patterns as dw.* or dw.fact_*.");
            }
            matched.forEach(t -> selected.putIfAbsent(t, copy));
            if (copy.pattern().contains("*")) {
                progress.accept(copy.pattern() + " names " + matched.size() + " table(s) of "
                        + settings.from().name() + ": " + String.join(", ", matched));
            }
        }
        if (selected.isEmpty()) {
            throw new RedshiftException(COPY,
                    "Name the tables to copy: <copy><table>dw.orders</table></copy> in the plugin's "
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
        throw new RedshiftException(COPY, "The schemas differ, so nothing was copied: " + String.join("; ", differences)
                + ". " + lackingChangesets());
    }

    private static String describe(Map<String, String> columns) {
        return columns.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private String lackingChangesets() {
        try {
            Project project = ProjectLoader.load(settings.lint().project());
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
        return states.stream().filter(s -> s.state() == MigrationState.SUCCESS).map(ChangesetState::script)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What each table's copy reads: masks and filter in the source's SQL, numeric columns for the sums. */
    private CopyPlan plan(String table, CopyTable copy, Catalog source) {
        Map<String, String> expressions = new LinkedHashMap<>();
        Map<String, String> numeric = new LinkedHashMap<>();
        boolean identity = false;
        for (Map.Entry<String, String> column : source.columns().get(table).entrySet()) {
            String name = column.getKey();
            if (copy.excluded().contains(name)) {
                continue;
            }
            String mask = copy.masked().get(name);
            expressions.put(name, mask == null ? CopyPlan.quoted(name) : "(" + sql(settings.from(), mask) + ")");
            String kind = numberKind(column.getValue());
            if (kind != null && mask == null) {
                numeric.put(name, kind);
            }
            identity |= source.identityColumns().contains(table + "." + name);
        }
        String where = copy.where() == null || copy.where().isBlank() ? null : sql(settings.from(), copy.where());
        return new CopyPlan(table, expressions, numeric, where, identity);
    }

    /**
     * Reads no rows with each table's masks and filter before anything is written, so a filter with a syntax error
     * or an unknown column stops the run with the target untouched.
     */
    private void checkReadable(Connection source, CopyPlan plan, CopyTable copy) {
        String select = plan.select();
        try {
            // A READ ONLY transaction (docs: BEGIN ... READ ONLY): a filter or mask that would write is refused
            // by the source itself, so the check can change nothing there.
            source.setReadOnly(true);
            source.setAutoCommit(false);
            try (Statement statement = source.createStatement()) {
                statement.executeQuery(select + " LIMIT 0").close();
            } finally {
                CopyTransactions.end(source, true);
            }
        } catch (SQLException e) {
            String located = "";
            int position = e instanceof PSQLException pg && pg.getServerErrorMessage() != null
                    ? pg.getServerErrorMessage().getPosition() : 0;
            int whereStart = plan.where() == null ? Integer.MAX_VALUE : select.length() - plan.where().length();
            if (position > whereStart) {
                located = " (at character " + (position - whereStart) + " of the <where>"
                        + (plan.where().equals(copy.where()) ? "" : " as run on the PostgreSQL stand-in: "
                        + plan.where()) + ")";
            }
            List<String> settingsUsed = new ArrayList<>();
            if (copy.where() != null && !copy.where().isBlank()) {
                settingsUsed.add("its <where> '" + copy.where() + "'");
            }
            if (!copy.masked().isEmpty()) {
                settingsUsed.add("its <masks> " + copy.masked());
            }
            throw new RedshiftException(COPY, "The rows of " + plan.table() + " cannot be read on " + settings.from(
                    ).name()
                    + (settingsUsed.isEmpty() ? "" : " with " + String.join(" and ", settingsUsed)) + located + ": "
                    + oneLine(e) + ". Fix the <copy> of " + copy.pattern()
                    + " in the plugin's configuration; nothing was copied.", e);
        }
    }

    private TableCopy copyTable(Connection source, Connection target, Transfer transfer, CopyPlan plan,
                                List<TableCopy> done) {
        long started = System.nanoTime();
        long rows;
        try {
            rows = transfer.copy(source, target, plan);
        } catch (SQLException | RuntimeException e) {
            throw new RedshiftException(COPY, "Copying " + plan.table() + " from " + settings.from().name() + " to "
                    + settings.to().name() + " failed: " + oneLine(e) + ". " + settings.to().name() + "'s "
                    + plan.table() + " keeps its previous rows: the copy ran in one transaction, which was rolled "
                    + "back." + (done.isEmpty() ? "" : " Copied before it: " + done.stream()
                    .map(TableCopy::table).collect(Collectors.joining(", ")) + ".")
                    + " Run copy-data again when the cause is mended: it replaces each table whole.", e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, String> targetExpressions = new LinkedHashMap<>();
        plan.expressions().keySet().forEach(c -> targetExpressions.put(c, CopyPlan.quoted(c)));
        Proof sourceProof;
        Proof targetProof;
        try {
            sourceProof = Proof.compute(source, sourceDialect, plan.quotedTable(), plan.expressions(),
                    plan.numeric(), plan.where());
            targetProof = Proof.compute(target, targetDialect, plan.quotedTable(), targetExpressions,
                    plan.numeric(), null);
        } catch (SQLException e) {
            throw new RedshiftException(COPY, plan.table() + " was copied to " + settings.to().name()
                    + ", but its proof "
                    + "could not be computed: " + oneLine(e), e);
        }
        TableCopy result = new TableCopy(plan.table(), rows, millis, sourceProof, targetProof);
        progress.accept(String.format(Locale.ROOT, "%s: %,d rows in %.1f s (%,d rows/s); %s", plan.table(), rows,
                millis / 1000.0, result.rowsPerSecond(), result.proven() ? "proof: count, sums and checksum match"
                        : "PROOF FAILED: source " + sourceProof + ", target " + targetProof));
        return result;
    }

    /** The message on one line, with the causes a driver wraps (the server's own words), without a final period. */
    private static String oneLine(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && message.indexOf(cause.getMessage()) < 0) {
                message.append(" (").append(cause.getMessage()).append(')');
            }
        }
        // PostgreSQL's "Position: n" counts in a query the user never wrote.
        return message.toString().replaceAll("\\s+", " ").replaceAll(" Position: \\d+", "").trim()
                .replaceAll("\\.+$", "");
    }

    /** Redshift SQL as the environment reads it: rewritten for a PostgreSQL stand-in that translates. */
    private static String sql(Environment environment, String redshiftSql) {
        return translates(environment) ? RedshiftToPostgresTranslator.translateExpression(redshiftSql) : redshiftSql;
    }

    private static boolean translates(Environment environment) {
        return environment.translate() && environment.isPostgres();
    }

    /** @param type as format_type prints it, e.g. numeric(12,2) */
    private static String numberKind(String type) {
        return switch (type.toLowerCase(Locale.ROOT).replaceFirst("\\(.*", "")) {
            case "smallint", "integer", "bigint", "numeric", "decimal" -> "exact";
            case "real", "double precision" -> "float";
            default -> null;
        };
    }
}
