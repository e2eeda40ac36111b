package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.SqlProblem;

@RuleInfo(id = "RS004", name = "unparsed-statement", severity = Severity.WARNING,
        summary = "A statement the SQL engine cannot parse: a syntax error, or syntax it does not know yet.",
        why = "An unparsed statement is not checked by any other rule, and a syntax error fails the deploy.",
        fix = "Fix the syntax; if Redshift accepts the statement, suppress with "
                + "-- redshift:lint ignore unparsed-statement <reason>.")
public final class UnparsedStatementRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        for (SqlProblem problem : statement.problems()) {
            reporter.report(statement.statement(), problem.offset(), problem.message(), problem.fix());
        }
    }
}
