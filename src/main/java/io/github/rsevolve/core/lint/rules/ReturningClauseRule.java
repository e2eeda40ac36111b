package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Origin;

@RuleInfo(id = "RS105", name = "returning-clause", severity = Severity.ERROR,
        summary = "INSERT, UPDATE or DELETE ... RETURNING.",
        why = "Redshift does not support RETURNING; the statement fails.",
        fix = "Run a SELECT after the change to read the affected rows.")
public final class ReturningClauseRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        StatementKind kind = statement.kind();
        if (kind != StatementKind.INSERT && kind != StatementKind.UPDATE && kind != StatementKind.DELETE) {
            return;
        }
        for (int i : statement.statement().words().of("returning")) {
            reporter.report(statement.statement(), statement.statement().token(i).offset(),
                    "The statement has a RETURNING clause.");
        }
    }
}
