package io.github.rsevolve.core.validate;

import io.github.rsevolve.core.execute.StatementRunner;
import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.Script;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Checks ETL files against the schema the changesets build: every file's statements in file order, in one
 * transaction rolled back at the end (on a Redshift throwaway, each in its own). Queries are EXPLAINed; data statements and DDL (temporary tables, views)
 * run, the DDL since later statements use it; COPY's target table and columns, and UNLOAD's inner query, are checked.
 */
final class EtlChecker {

    private final Connection connection;
    private final StatementRunner runner;
    private final RedshiftParser parser;
    /** In one transaction rolled back at the end, each statement in a savepoint; else each on its own. */
    private final boolean inOneTransaction;

    /**
     * @param inOneTransaction false on a Redshift cluster, which has no savepoints to go on after a failure with:
     *                         each statement then runs in a transaction of its own, in a database thrown away after
     */
    EtlChecker(Connection connection, StatementRunner runner, RedshiftParser parser, boolean inOneTransaction) {
        this.connection = connection;
        this.runner = runner;
        this.parser = parser;
        this.inOneTransaction = inOneTransaction;
    }

    /** @return each file, as displayed, with how long its check took in milliseconds, in order */
    Map<String, Long> check(List<Script> etl) throws SQLException {
        Map<String, Long> millis = new LinkedHashMap<>();
        connection.setAutoCommit(!inOneTransaction);
        try {
            // One session in file order, as a pipeline runs them and as lint reads them: a later file reads the
            // tables an earlier one creates (CTAS, temporary tables).
            for (Script script : etl) {
                long start = System.nanoTime();
                for (ParsedStatement statement : script.statements()) {
                    check(statement);
                }
                millis.put(script.file().displayPath(), (System.nanoTime() - start) / 1_000_000);
            }
            return millis;
        } finally {
            if (inOneTransaction) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private void check(ParsedStatement statement) throws SQLException {
        switch (statement.kind()) {
            case SELECT -> {
                List<String> sql = runner.sql(statement);
                boolean selectInto = statement.statement().indexOf("into", 0) > 0;
                if (sql != null) {
                    // SELECT ... INTO creates a table later statements read, so it runs; a query is explained.
                    runner.runSql(statement, selectInto ? sql : List.of("EXPLAIN " + sql.get(0)),
                            DatabaseCheck.ETL_ERROR, "");
                }
            }
            // Data statements run, in the transaction rolled back at the end, so the rules on values fire:
            // lengths, NOT NULL, casts (docs: INSERT, UPDATE, DELETE, MERGE).
            case INSERT, UPDATE, DELETE, MERGE -> runner.run(statement, DatabaseCheck.ETL_ERROR);
            case COPY -> runner.runSql(statement, List.of(copyTargetCheck(statement.statement())),
                    DatabaseCheck.ETL_ERROR, "The COPY target does not fit: ");
            case UNLOAD -> unload(statement);
            case CALL -> runner.skipped(statement, "procedure bodies are not run in ETL checks (their PL/pgSQL "
                    + "is Redshift's)");
            case OTHER -> {
                if (statement.statement().startsWith("refresh", "materialized", "view")) {
                    runner.runSql(statement, List.of(statement.statement().text()), DatabaseCheck.ETL_ERROR, "");
                }
            }
            default -> runner.run(statement, DatabaseCheck.ETL_ERROR);
        }
    }

    /** SELECT the COPY's column list (or every column) from its target, reading no rows. */
    private static String copyTargetCheck(SqlStatement copy) {
        List<Token> tokens = copy.tokens();
        int at = 1;
        StringBuilder table = new StringBuilder();
        // schema.table: names separated by dots; the next bare word (FROM) ends it.
        while (at < tokens.size() && tokens.get(at).isIdentifier()) {
            Token token = tokens.get(at++);
            table.append(token.text().startsWith("#") ? "\"" + token.text().toLowerCase(Locale.ROOT) + "\""
                    : token.text());
            if (at + 1 < tokens.size() && tokens.get(at).isSymbol(".")) {
                table.append('.');
                at++;
            } else {
                break;
            }
        }
        String columns = "*";
        if (at < tokens.size() && tokens.get(at).isSymbol("(")) {
            int close = at;
            while (close < tokens.size() && !tokens.get(close).isSymbol(")")) {
                close++;
            }
            columns = copy.file().text().substring(tokens.get(at + 1).offset(), tokens.get(close - 1).end());
        }
        return "SELECT " + columns + " FROM " + table + " LIMIT 0";
    }

    /** UNLOAD ('query') TO ...: the query inside the string is parsed, translated and explained. */
    private void unload(ParsedStatement statement) throws SQLException {
        Token literal = statement.statement().tokens().stream()
                .filter(t -> t.type() == TokenType.STRING || t.type() == TokenType.DOLLAR_STRING)
                .findFirst().orElse(null);
        if (literal == null) {
            return;
        }
        String inner = literal.type() == TokenType.STRING ? literal.stringValue()
                : literal.text().replaceAll("^\\$[^$]*\\$|\\$[^$]*\\$$", "");
        List<SqlStatement> split = SqlSplitter.split(SourceFile.of(statement.statement().file().path(),
                statement.statement().file().displayPath(), inner)).statements();
        if (split.isEmpty()) {
            return;
        }
        List<String> sql = runner.sql(parser.parse(split.get(0)));
        if (sql != null) {
            runner.runSql(statement, List.of("EXPLAIN " + sql.get(0)), DatabaseCheck.ETL_ERROR,
                    "The UNLOAD query does not compile: ");
        }
    }
}
