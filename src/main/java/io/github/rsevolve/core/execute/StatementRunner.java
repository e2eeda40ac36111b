package io.github.rsevolve.core.execute;

import io.github.rsevolve.core.db.Interruption;
import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.translate.LateralAliases;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import io.github.rsevolve.core.translate.Translation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * Runs parsed statements on a throwaway database, translated for PostgreSQL, each in a savepoint so one failure is
 * reported at its own file, line and column and the rest still run.
 */
public final class StatementRunner {

    /** How many lateral alias references one statement may have inlined: a guard against self-reference. */
    private static final int MAX_ALIAS_INLININGS = 64;
    /** The savepoint each statement runs in; the name is reused, as each is released before the next. */
    private static final String SAVEPOINT = "rse_statement";

    private final Connection connection;
    private final boolean translate;
    private final int statementTimeoutSeconds;
    private final List<Finding> findings;
    private final boolean continueAfterFailure;
    private final DatabaseCheck failureCheck;
    private final Map<String, String> placeholders;
    /** The search_path last set on the connection; empty is the connection's own; null before the first. */
    private List<String> searchPath;
    /** Whether the last statement was a SET search_path: the path it left is not the one recorded. */
    private boolean pathSetByStatement;
    private boolean stringsAsRedshift;
    private Boolean splitsStatements;
    private Set<String> externalSchemas = Set.of();
    /** Relations whose statement was not run here, by qualified and simple name, with why and where. */
    private final Map<String, String> notBuilt = new HashMap<>();

    /**
     * @param continueAfterFailure in a transaction, put each statement in a savepoint so a failure does not abort
     *                             the statements after it (late-binding views always get one)
     */
    public StatementRunner(Connection connection, boolean translate, int statementTimeoutSeconds,
            List<Finding> findings,
                    boolean continueAfterFailure) {
        this(connection, translate, statementTimeoutSeconds, findings, continueAfterFailure, DatabaseCheck.BUILD_ERROR,
                Map.of());
    }

    /**
     * @param failureCheck what a failing changeset statement is reported as
     * @param placeholders Flyway placeholders: ${name} in a statement is replaced by the value
     */
    public StatementRunner(Connection connection, boolean translate, int statementTimeoutSeconds,
                           List<Finding> findings, boolean continueAfterFailure, DatabaseCheck failureCheck,
                           Map<String, String> placeholders) {
        this.connection = connection;
        this.translate = translate;
        this.statementTimeoutSeconds = statementTimeoutSeconds;
        this.findings = findings;
        this.continueAfterFailure = continueAfterFailure;
        this.failureCheck = failureCheck;
        this.placeholders = placeholders;
    }

    /** The project's external schemas: a statement that fails only for their tables is not checked here. */
    public StatementRunner readingExternalSchemas(Set<String> schemas) {
        this.externalSchemas = Set.copyOf(schemas);
        return this;
    }

    DatabaseCheck failureCheck() {
        return failureCheck;
    }

    /** What to run for one parsed statement, or null when it is skipped (reported as info). */
    Translation translation(ParsedStatement parsed) {
        ParsedStatement effective = withPlaceholders(parsed);
        if (!translate) {
            return new Translation(List.of(effective.statement().text()), null, false);
        }
        Translation translation = RedshiftToPostgresTranslator.translate(effective);
        if (translation.isSkipped()) {
            skipped(parsed, translation.skipped());
            return null;
        }
        return translation;
    }

    /** Reports a statement that is not run, with why. */
    public void skipped(ParsedStatement parsed, String why) {
        findings.add(DatabaseCheck.SKIPPED.at(parsed.statement(), "Not run on PostgreSQL: " + why + "."));
        notBuilt(parsed, why);
    }

    /**
     * Remembers that the relation the statement creates does not exist here, and why: what reads it later is not
     * checked either and says so once, instead of failing as a cascade.
     */
    private void notBuilt(ParsedStatement parsed, String why) {
        if (parsed.kind().createsRelation() && parsed.target() != null) {
            String origin = parsed.target() + ", which was not built here (" + parsed.statement().file().displayPath()
                    + ":" + parsed.statement().position() + ": " + why + ")";
            notBuilt.put(parsed.target().toString().toLowerCase(Locale.ROOT), origin);
            notBuilt.put(parsed.target().name().toLowerCase(Locale.ROOT), origin);
        }
    }

    /** Why the relation a failure says does not exist was not built here, or null when it is not one of those. */
    private String notBuilt(SQLException e) {
        String relation = DatabaseMessages.missingRelation(e);
        return relation == null ? null : notBuilt.get(relation);
    }

    /** The statements to run for one parsed statement, or null when it is skipped. */
    public List<String> sql(ParsedStatement parsed) {
        Translation translation = translation(parsed);
        return translation == null ? null : translation.sql();
    }

    /**
     * Runs the statement; a failure becomes a finding of the given check and false. A late-binding view that fails
     * is a warning, and true: Redshift accepts it.
     */
    public boolean run(ParsedStatement parsed, DatabaseCheck onFailure) throws SQLException {
        return run(parsed, onFailure, "");
    }

    /** As above, a failure's message starting with the context. */
    public boolean run(ParsedStatement parsed, DatabaseCheck onFailure, String context) throws SQLException {
        Translation translation = translation(parsed);
        if (translation == null) {
            return true;
        }
        if (translation.lateBinding()) {
            run(parsed, translation.sql(), DatabaseCheck.LATE_BINDING, "The late-binding view cannot be built "
                    + "here: ", true);
            return true;
        }
        return run(parsed, translation.sql(), onFailure, context, continueAfterFailure);
    }

    /**
     * The statement that puts the file's search_path in effect, as it was when the statement ran in its file (build A
     * runs statements of many files in dependency order, not file order), or null when it already is.
     */
    private String searchPathStatement(List<String> path) {
        if (path.equals(searchPath) && !pathSetByStatement) {
            return null;
        }
        boolean connectionsOwn = path.isEmpty() && searchPath == null && !pathSetByStatement;
        if (!translate) {
            // As it is written, on Redshift or a stand-in that does not translate: the path without compat schema.
            return connectionsOwn ? null : "SET search_path TO " + schemas(path);
        }
        // The connection's own path (Flyway sets its schemas there) keeps first place; the compatibility functions
        // are added after it.
        return connectionsOwn ? StandIn.COMPATIBILITY_ON_PATH
                : "SET search_path TO " + schemas(path) + ", " + RedshiftToPostgresTranslator.COMPAT_SCHEMA;
    }

    /**
     * Records the path the connection has after a statement ran: its file's, or, after a SET search_path, one the
     * next statement must not take for its own (that statement is parsed under the path before it, and the next
     * may come from another file).
     */
    private void pathAfter(ParsedStatement parsed) {
        pathInEffect(parsed.searchPath());
        pathSetByStatement = parsed.statement().startsWith("set", "search_path");
    }

    /** Records that the file's path, set by the runner, is in effect. */
    private void pathInEffect(List<String> path) {
        searchPath = path;
        pathSetByStatement = false;
    }

    /**
     * Reads every result the statement returned. The Redshift driver fetches rows on a thread of its own and cancels
     * a statement closed before its rows are read; a cancel is the connection's, so it could stop the next
     * statement instead.
     */
    private static void readToTheEnd(Statement statement) throws SQLException {
        do {
            try (ResultSet rows = statement.getResultSet()) {
                while (rows != null && rows.next()) {
                    // Only the end matters.
                }
            }
        } while (statement.getMoreResults() || statement.getUpdateCount() != -1);
    }

    /**
     * Whether the driver sends the statements of one text as separate statements, each with its own error
     * positions, in one round trip: the PostgreSQL driver in its extended query mode does. Others get one statement
     * per round trip, so a failure's position stays the statement's own.
     */
    private boolean splitsStatements() throws SQLException {
        if (splitsStatements == null) {
            BaseConnection postgres = postgresDriver();
            splitsStatements = postgres != null && postgres.getPreferQueryMode() != PreferQueryMode.SIMPLE;
        }
        return splitsStatements;
    }

    /** The connection as the PostgreSQL driver's, or null for another driver (Redshift's). */
    private BaseConnection postgresDriver() throws SQLException {
        return connection.isWrapperFor(BaseConnection.class) ? connection.unwrap(BaseConnection.class) : null;
    }

    private static String schemas(List<String> path) {
        return path.isEmpty() ? "\"$user\", public"
                : String.join(", ", path.stream().map(RedshiftToPostgresTranslator::quote).toList());
    }

    /**
     * A stand-in reads string literals as Redshift does, with backslash escapes (docs: Literals), whatever its
     * server's default: the translator passes the statements' literals through as they are written. Sent on its
     * own, before the statement: the driver splits what it sends by the setting it has. A throwaway database has it
     * already (StandIn.prepareThrowaway), which the PostgreSQL driver knows from the server's reports.
     */
    private void readStringsAsRedshift() throws SQLException {
        if (!translate || stringsAsRedshift) {
            return;
        }
        BaseConnection postgres = postgresDriver();
        if (postgres == null || postgres.getStandardConformingStrings()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET standard_conforming_strings = off; SET escape_string_warning = off");
            }
        }
        stringsAsRedshift = true;
    }

    public boolean runSql(ParsedStatement parsed, List<String> sql, DatabaseCheck onFailure, String context)
            throws SQLException {
        return run(parsed, sql, onFailure, context, continueAfterFailure);
    }

    private boolean run(ParsedStatement parsed, List<String> sql, DatabaseCheck onFailure, String context,
                        boolean isolate) throws SQLException {
        return run(parsed, sql, onFailure, context, isolate, 0);
    }

    /**
     * The statements with the select-list alias that PostgreSQL reported as a missing column inlined
     * ({@link LateralAliases}), or null when the failure is not that.
     */
    private static List<String> withLateralAlias(List<String> sql, SQLException e) {
        String missing = DatabaseMessages.missingColumn(e);
        int position = DatabaseMessages.position(e);
        if (missing == null || position < 0) {
            return null;
        }
        for (int i = 0; i < sql.size(); i++) {
            String inlined = LateralAliases.inline(sql.get(i), missing, position);
            if (inlined != null) {
                List<String> all = new ArrayList<>(sql);
                all.set(i, inlined);
                return all;
            }
        }
        return null;
    }

    private boolean run(ParsedStatement parsed, List<String> sql, DatabaseCheck onFailure, String context,
                        boolean isolate, int attempt) throws SQLException {
        readStringsAsRedshift();
        boolean inTransaction = !connection.getAutoCommit();
        // A translated statement may be run again with its lateral aliases inlined, so it gets a savepoint too.
        boolean savepoint = (isolate || translate) && inTransaction;
        String pathStatement = searchPathStatement(parsed.searchPath());
        String sent = String.join(";\n", sql);
        List<String> batch = savepoint
                ? List.of("SAVEPOINT " + SAVEPOINT, sent, "RELEASE SAVEPOINT " + SAVEPOINT) : List.of(sent);
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(statementTimeoutSeconds);
            if (inTransaction && splitsStatements()) {
                // One round trip: a failure stops the rest, and the path, set before the savepoint, stays when the
                // savepoint is rolled back to.
                statement.execute((pathStatement == null ? "" : pathStatement + ";\n") + String.join(";\n", batch));
                readToTheEnd(statement);
            } else {
                // Outside a transaction the path must not fail with the statement: one statement per round trip.
                if (pathStatement != null) {
                    statement.execute(pathStatement);
                    pathInEffect(parsed.searchPath());
                }
                for (String each : batch) {
                    statement.execute(each);
                    readToTheEnd(statement);
                }
            }
            pathAfter(parsed);
            return true;
        } catch (SQLException e) {
            if (savepoint) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                    statement.execute("RELEASE SAVEPOINT " + SAVEPOINT);
                }
                // The path was set before the savepoint; the failed statement changed nothing.
                pathInEffect(parsed.searchPath());
            }
            List<String> inlined = translate && (savepoint || connection.getAutoCommit())
                    && attempt < MAX_ALIAS_INLININGS ? withLateralAlias(sql, e) : null;
            if (inlined != null) {
                return run(parsed, inlined, onFailure, context, isolate, attempt + 1);
            }
            if (Interruption.underway()) {
                // The shutdown hook ended the session: not the statement's fault.
                return false;
            }
            String missing = translate ? RedshiftOnlyBuiltins.missing(e, externalSchemas) : null;
            if (missing != null) {
                // Redshift has it, the PostgreSQL stand-in does not: the statement is not checked here.
                skipped(parsed, "it uses " + missing + ", which the PostgreSQL stand-in does not have");
                return true;
            }
            String dependency = translate ? notBuilt(e) : null;
            if (dependency != null) {
                skipped(parsed, "it reads " + dependency);
                return true;
            }
            findings.add(onFailure.at(parsed.statement().file(), DatabaseMessages.offset(e, parsed.statement(), sent),
                    context + "The database rejected it: " + DatabaseMessages.of(e)));
            notBuilt(parsed, "it failed, reported there");
            return false;
        }
    }

    /**
     * The statement with Flyway's placeholders (${name}) replaced and parsed again, as Flyway replaces them in the
     * text before it runs; findings stay at the statement's place in its file.
     */
    private ParsedStatement withPlaceholders(ParsedStatement parsed) {
        String text = parsed.statement().text();
        if (placeholders.isEmpty() || !text.contains("${")) {
            return parsed;
        }
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            text = text.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        SourceFile file = parsed.statement().file();
        List<SqlStatement> replaced = SqlSplitter.split(SourceFile.of(file.path(), file.displayPath(), text))
                .statements();
        if (replaced.isEmpty()) {
            return parsed;
        }
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            return parser.parse(replaced.get(0)).under(parsed.searchPath());
        }
    }
}
