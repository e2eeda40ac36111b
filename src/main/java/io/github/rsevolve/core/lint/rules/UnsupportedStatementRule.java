package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.lint.Origin;
import io.github.rsevolve.core.lint.Reporter;
import io.github.rsevolve.core.lint.Rule;
import io.github.rsevolve.core.lint.RuleInfo;
import io.github.rsevolve.core.lint.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.sql.Token;

@RuleInfo(id = "RS103", name = "unsupported-statement", severity = Severity.ERROR,
        summary = "CREATE INDEX, CREATE TRIGGER, CREATE EXTENSION, CREATE SEQUENCE, CREATE TYPE or CREATE DOMAIN.",
        why = "Redshift has no indexes (it uses sort keys and zone maps), no triggers, extensions, sequences, "
                + "user-defined types or domains; the statement fails.",
        fix = "Remove the statement: use a SORTKEY instead of an index, IDENTITY instead of a sequence.")
public final class UnsupportedStatementRule implements Rule {

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
        if (object != null && (object.is("sequence") || object.is("type") || object.is("domain"))) {
            return "CREATE " + object.text().toUpperCase();
        }
        return null;
    }
}
