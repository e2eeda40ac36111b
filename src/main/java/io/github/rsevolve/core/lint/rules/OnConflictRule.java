package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import java.util.List;

@RuleInfo(id = "RS106", name = "on-conflict", severity = Severity.ERROR,
        summary = "INSERT ... ON CONFLICT (upsert).",
        why = "Redshift does not support ON CONFLICT, and would not detect a conflict anyway: it does not enforce "
                + "unique or primary keys.",
        fix = "Use MERGE, or DELETE the matching rows and INSERT in one transaction.")
public final class OnConflictRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (statement.kind() != StatementKind.INSERT) {
            return;
        }
        SqlStatement sql = statement.statement();
        List<Token> tokens = sql.tokens();
        for (int i : sql.words().of("conflict")) {
            if (i > 0 && tokens.get(i - 1).is("on")) {
                reporter.report(sql, tokens.get(i - 1).offset(), "The INSERT has an ON CONFLICT clause.");
            }
        }
    }
}
