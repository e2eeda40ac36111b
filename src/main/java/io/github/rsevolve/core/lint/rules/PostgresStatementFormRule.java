package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.lint.Origin;
import io.github.rsevolve.core.lint.Reporter;
import io.github.rsevolve.core.lint.Rule;
import io.github.rsevolve.core.lint.RuleInfo;
import io.github.rsevolve.core.lint.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(id = "RS127", name = "postgres-statement-form", severity = Severity.ERROR,
        docs = "COMMENT; TRUNCATE; CREATE TABLE AS",
        summary = "A COMMENT ON an object Redshift does not comment on (a function, procedure, index, ...), a TRUNCATE of several tables or with CASCADE, RESTART IDENTITY or ONLY, or a CREATE TABLE "
                + "AS ending WITH [NO] DATA.",
        why = "Redshift comments on tables, columns, constraints, databases, views and schemas only (docs: COMMENT), "
                + "truncates one table per statement, without PostgreSQL's options (docs: TRUNCATE), and ends CREATE "
                + "TABLE AS with its query (docs: CREATE TABLE AS); PostgreSQL runs all these forms.",
        fix = "Keep the comment in the changeset as an SQL comment, or on a table, view or schema; truncate each "
                + "table in a statement of its own; for an empty copy, CREATE TABLE ... (LIKE source) or add "
                + "WHERE false to the query.")
public final class PostgresStatementFormRule implements Rule {

    /**
     * What COMMENT ON takes (docs: COMMENT), and MATERIALIZED VIEW, which the page does not list but real models
     * comment on: not flagged without the documentation saying Redshift rejects it.
     */
    private static final Set<String> COMMENTABLE = Set.of("table", "column", "constraint", "database", "view",
            "schema", "materialized");

    /** PostgreSQL's TRUNCATE options (docs: TRUNCATE takes a table name only). */
    private static final Set<String> TRUNCATE_OPTIONS = Set.of("cascade", "restrict", "restart", "continue", "only");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        SqlStatement sql = statement.statement();
        List<Token> tokens = sql.tokens();
        if (sql.startsWith("comment", "on") && tokens.size() > 2
                && !COMMENTABLE.contains(tokens.get(2).text().toLowerCase(Locale.ROOT))) {
            reporter.report(sql, tokens.get(2).offset(), "Redshift does not take a COMMENT ON "
                    + tokens.get(2).text().toUpperCase(Locale.ROOT) + ".");
        } else if (statement.kind() == StatementKind.CREATE_TABLE_AS && tokens.size() > 2
                && tokens.get(tokens.size() - 1).is("data") && (tokens.get(tokens.size() - 2).is("with")
                || tokens.get(tokens.size() - 2).is("no") && tokens.get(tokens.size() - 3).is("with"))) {
            Token with = tokens.get(tokens.size() - 2).is("with") ? tokens.get(tokens.size() - 2)
                    : tokens.get(tokens.size() - 3);
            reporter.report(sql, with.offset(), "Redshift's CREATE TABLE AS ends with its query: it has no WITH "
                    + "[NO] DATA.");
        } else if (sql.startsWith("truncate")) {
            for (int i = 1; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.isSymbol(",")) {
                    reporter.report(sql, token.offset(), "Redshift truncates one table per TRUNCATE.");
                    return;
                }
                if (token.type() == TokenType.WORD
                        && TRUNCATE_OPTIONS.contains(token.text().toLowerCase(Locale.ROOT))) {
                    reporter.report(sql, token.offset(), "Redshift's TRUNCATE has no "
                            + token.text().toUpperCase(Locale.ROOT) + " option.");
                    return;
                }
            }
        }
    }
}
