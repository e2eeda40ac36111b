package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(id = "RS127", name = "postgres-statement-form", severity = Severity.ERROR,
        docs = "COMMENT; TRUNCATE; CREATE TABLE AS; CREATE VIEW; CREATE MATERIALIZED VIEW; GRANT; REVOKE",
        summary = "A COMMENT ON an object Redshift does not comment on (a function, procedure, index, ...), a "
                + "TRUNCATE of several tables or with CASCADE, RESTART IDENTITY or ONLY, a CREATE TABLE AS or "
                + "materialized view ending WITH [NO] DATA, a TEMPORARY or RECURSIVE view or one WITH CHECK OPTION "
                + "or WITH (options), or a GRANT or REVOKE of PostgreSQL's objects or privileges (sequences, types, "
                + "domains, tablespaces, large objects, foreign servers, parameters; TRIGGER, MAINTAIN; GRANTED BY).",
        why = "Redshift comments on tables, columns, constraints, databases, views and schemas only (docs: COMMENT), "
                + "truncates one table per statement, without PostgreSQL's options (docs: TRUNCATE), and ends CREATE "
                + "TABLE AS and CREATE MATERIALIZED VIEW with the query, creates views with a name, columns, the "
                + "query and WITH NO SCHEMA BINDING only (docs: CREATE TABLE AS, CREATE MATERIALIZED VIEW, CREATE "
                + "VIEW), and grants on tables, views, schemas, databases, "
                + "functions, procedures, languages, models, datashares, roles and copy jobs, without PostgreSQL's "
                + "TRIGGER and MAINTAIN privileges or GRANTED BY (docs: GRANT, REVOKE); PostgreSQL runs all these "
                + "forms.",
        fix = "Keep the comment in the changeset as an SQL comment, or on a table, view or schema; truncate each "
                + "table in a statement of its own; for an empty copy, CREATE TABLE ... (LIKE source) or add "
                + "WHERE false to the query; Redshift has no sequences, types or domains to grant on (IDENTITY "
                + "columns need no grant), and the grantor is the user who runs the GRANT.")
public final class PostgresStatementFormRule implements Rule {

    /**
     * What COMMENT ON takes (docs: COMMENT), and MATERIALIZED VIEW, which the page does not list but real models
     * comment on: not flagged without the documentation saying Redshift rejects it.
     */
    private static final Set<String> COMMENTABLE = Set.of("table", "column", "constraint", "database", "view",
            "schema", "materialized");

    /** PostgreSQL's TRUNCATE options (docs: TRUNCATE takes a table name only). */
    private static final Set<String> TRUNCATE_OPTIONS = Set.of("cascade", "restrict", "restart", "continue", "only");

    /** What PostgreSQL grants on and Redshift has not (docs: GRANT lists what Redshift grants on). */
    private static final Set<String> POSTGRES_GRANT_OBJECTS = Set.of("sequence", "sequences", "domain", "type",
            "tablespace", "large", "foreign", "parameter");

    /** PostgreSQL's table privileges that Redshift lacks (docs: GRANT, table privileges). */
    private static final Set<String> POSTGRES_PRIVILEGES = Set.of("trigger", "maintain");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        SqlStatement sql = statement.statement();
        List<Token> tokens = sql.tokens();
        if (statement.kind() == StatementKind.GRANT || statement.kind() == StatementKind.REVOKE) {
            grant(sql, reporter);
        } else if (sql.startsWith("comment", "on") && tokens.size() > 2
                && !COMMENTABLE.contains(tokens.get(2).text().toLowerCase(Locale.ROOT))) {
            reporter.report(sql, tokens.get(2).offset(), "Redshift does not take a COMMENT ON "
                    + tokens.get(2).text().toUpperCase(Locale.ROOT) + ".");
        } else if (sql.startsWith("create") && viewForm(sql, reporter)) {
            return;
        } else if ((statement.kind() == StatementKind.CREATE_TABLE_AS
                || statement.kind() == StatementKind.CREATE_MATERIALIZED_VIEW) && tokens.size() > 2
                && tokens.get(tokens.size() - 1).is("data") && (tokens.get(tokens.size() - 2).is("with")
                || tokens.get(tokens.size() - 2).is("no") && tokens.get(tokens.size() - 3).is("with"))) {
            Token with = tokens.get(tokens.size() - 2).is("with") ? tokens.get(tokens.size() - 2)
                    : tokens.get(tokens.size() - 3);
            reporter.report(sql, with.offset(), "Redshift's " + (statement.kind() == StatementKind.CREATE_TABLE_AS
                    ? "CREATE TABLE AS" : "CREATE MATERIALIZED VIEW") + " ends with its query: it has no WITH "
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

    /**
     * CREATE TEMPORARY VIEW, CREATE RECURSIVE VIEW, a view WITH (options) or WITH [LOCAL | CASCADED] CHECK OPTION:
     * reported, and true, when the statement is one.
     */
    private static boolean viewForm(SqlStatement sql, Reporter reporter) {
        List<Token> tokens = sql.tokens();
        int view = -1;
        for (int i = 1; i < Math.min(tokens.size(), 5) && view < 0; i++) {
            if (tokens.get(i).is("view")) {
                view = i;
            } else if (tokens.get(i).is("temp") || tokens.get(i).is("temporary") || tokens.get(i).is("recursive")) {
                if (i + 1 < tokens.size() && tokens.get(i + 1).is("view")) {
                    reporter.report(sql, tokens.get(i).offset(), "Redshift has no "
                            + tokens.get(i).text().toUpperCase(Locale.ROOT) + " view.");
                    return true;
                }
            }
        }
        if (view < 0) {
            return false;
        }
        int last = tokens.size() - 1;
        if (last > 2 && tokens.get(last).is("option") && tokens.get(last - 1).is("check")) {
            Token with = tokens.get(last - 2).is("with") ? tokens.get(last - 2) : tokens.get(last - 3);
            reporter.report(sql, with.offset(), "Redshift's views have no WITH CHECK OPTION.");
            return true;
        }
        for (int i = view + 1; i + 1 < tokens.size() && !tokens.get(i).is("as"); i++) {
            if (tokens.get(i).is("with") && tokens.get(i + 1).isSymbol("(")) {
                reporter.report(sql, tokens.get(i).offset(), "Redshift's CREATE VIEW takes no WITH (options).");
                return true;
            }
        }
        return false;
    }

    /** The first PostgreSQL-only privilege, object kind or GRANTED BY of a GRANT or REVOKE. */
    private static void grant(SqlStatement sql, Reporter reporter) {
        List<Token> tokens = sql.tokens();
        int on = -1;
        for (int i = 1; i < tokens.size() && on < 0; i++) {
            Token token = tokens.get(i);
            if (token.is("on")) {
                on = i;
            } else if (token.type() == TokenType.WORD
                    && POSTGRES_PRIVILEGES.contains(token.text().toLowerCase(Locale.ROOT))) {
                reporter.report(sql, token.offset(), "Redshift has no " + token.text().toUpperCase(Locale.ROOT)
                        + " privilege.");
                return;
            }
        }
        if (on > 0 && on + 1 < tokens.size()) {
            Token object = tokens.get(on + 1).is("all") && on + 2 < tokens.size() ? tokens.get(on + 2)
                    : tokens.get(on + 1);
            if (object.type() == TokenType.WORD
                    && POSTGRES_GRANT_OBJECTS.contains(object.text().toLowerCase(Locale.ROOT))) {
                reporter.report(sql, object.offset(), "Redshift does not grant on "
                        + object.text().toUpperCase(Locale.ROOT) + ".");
                return;
            }
        }
        for (int i = Math.max(on, 1); i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("granted") && tokens.get(i + 1).is("by")) {
                reporter.report(sql, tokens.get(i).offset(), "Redshift's GRANT has no GRANTED BY.");
                return;
            }
        }
    }
}
