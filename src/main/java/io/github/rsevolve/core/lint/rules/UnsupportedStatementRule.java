package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.Locale;
import java.util.Set;

@RuleInfo(id = "RS103", name = "unsupported-statement", severity = Severity.ERROR,
        docs = "Unsupported PostgreSQL features; SQL commands",
        summary = "CREATE INDEX, CREATE TRIGGER, CREATE EXTENSION, CREATE SEQUENCE, CREATE TYPE, CREATE DOMAIN, or "
                + "another PostgreSQL object Redshift has no command for (RULE, AGGREGATE, OPERATOR, CAST, "
                + "COLLATION, TABLESPACE, FOREIGN TABLE, SERVER, POLICY, PUBLICATION, STATISTICS, ...).",
        why = "Redshift has no indexes (it uses sort keys and zone maps), no triggers, extensions, sequences, "
                + "user-defined types or domains (docs: Unsupported PostgreSQL features), and its SQL command "
                + "reference has no CREATE for PostgreSQL's rules, aggregates, operators, casts, collations, "
                + "tablespaces, foreign tables and servers, row security policies (Redshift's is CREATE RLS "
                + "POLICY), publications, subscriptions, statistics, conversions or text search objects (docs: SQL "
                + "commands); the statement fails.",
        fix = "Remove the statement: use a SORTKEY instead of an index, IDENTITY instead of a sequence.")
public final class UnsupportedStatementRule implements Rule {

    /** The word after CREATE [OR REPLACE] that names a PostgreSQL object Redshift has no command for. */
    private static final Set<String> POSTGRES_OBJECTS = Set.of("sequence", "type", "domain", "rule", "aggregate",
            "operator", "cast", "collation", "tablespace", "foreign", "server", "policy", "publication",
            "subscription", "statistics", "conversion", "text", "event", "access", "transform", "language",
            "trusted", "unlogged");

    /** Objects named by two words: CREATE FOREIGN TABLE, CREATE TEXT SEARCH, CREATE EVENT TRIGGER, ... */
    private static final Set<String> TWO_WORD_OBJECTS = Set.of("foreign", "text", "event", "access", "trusted",
            "unlogged");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        StatementKind kind = statement.kind();
        String what = switch (kind) {
            case CREATE_INDEX -> "CREATE INDEX";
            case CREATE_TRIGGER -> "CREATE TRIGGER";
            case CREATE_EXTENSION -> "CREATE EXTENSION";
            case CREATE_OTHER -> postgresOnlyObject(statement);
            default -> null;
        };
        if (what != null) {
            reporter.report(statement.statement(), what + " is not supported by Redshift.");
        }
    }

    private static String postgresOnlyObject(ParsedStatement statement) {
        int at = statement.statement().startsWith(1, "or", "replace") ? 3 : 1;
        Token object = statement.statement().token(at);
        if (object == null || object.type() != TokenType.WORD
                || !POSTGRES_OBJECTS.contains(object.text().toLowerCase(Locale.ROOT))) {
            return null;
        }
        Token second = statement.statement().token(at + 1);
        boolean twoWords = second != null && TWO_WORD_OBJECTS.contains(object.text().toLowerCase(Locale.ROOT));
        return "CREATE " + object.text().toUpperCase(Locale.ROOT)
                + (twoWords ? " " + second.text().toUpperCase(Locale.ROOT) : "");
    }
}
