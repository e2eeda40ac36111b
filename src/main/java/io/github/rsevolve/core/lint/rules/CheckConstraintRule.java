package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.TableConstraint;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;

@RuleInfo(id = "RS107", name = "check-constraint", severity = Severity.ERROR,
        summary = "A CHECK constraint.",
        why = "Redshift does not support CHECK constraints (docs: CREATE TABLE lists none); the statement fails.",
        fix = "Remove the constraint and check the data in the ETL or with a data test.")
public final class CheckConstraintRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (statement.definition() instanceof Table table) {
            for (TableConstraint constraint : table.constraints()) {
                if (constraint.type() == TableConstraint.Type.CHECK) {
                    reporter.report(statement.statement(), constraint.offset(),
                            "Table " + table.name() + " has a CHECK constraint.");
                }
            }
        }
        if (statement.alter() != null) {
            for (AlterTable.Action action : statement.alter().actions()) {
                if (action.type() == AlterTable.ActionType.ADD_CONSTRAINT
                        && action.constraint().type() == TableConstraint.Type.CHECK) {
                    reporter.report(statement.statement(), action.offset(),
                            "ALTER TABLE adds a CHECK constraint.");
                }
            }
        }
    }
}
