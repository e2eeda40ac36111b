package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;

@RuleInfo(id = "RS104", name = "postgres-table-clause", severity = Severity.ERROR,
        summary = "PARTITION BY, INHERITS, TABLESPACE, WITH (...) or ON COMMIT in CREATE TABLE.",
        why = "Redshift has no table partitioning, inheritance or tablespaces (docs: Unsupported PostgreSQL "
                + "features); CREATE TABLE fails.",
        fix = "Remove the clause; distribute with DISTSTYLE/DISTKEY and order with SORTKEY instead.")
public final class PostgresTableClauseRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (statement.definition() instanceof Table table) {
            for (Table.Clause clause : table.postgresClauses()) {
                reporter.report(statement.statement(), clause.offset(),
                        "CREATE TABLE " + table.name() + " has " + ("AEIOU".indexOf(clause.keyword().charAt(0)) >= 0
                                ? "an " : "a ") + clause.keyword() + " clause.");
            }
        }
    }
}
