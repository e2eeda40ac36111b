package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.TableConstraint;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;

@RuleInfo(id = "RS109", name = "unenforced-constraint", severity = Severity.INFO,
        summary = "A PRIMARY KEY, UNIQUE or FOREIGN KEY constraint, which Redshift accepts but does not enforce.",
        why = "Redshift uses these constraints only as planner hints and never checks them (docs: Defining table "
                + "constraints); duplicate or orphan rows load without error, and queries may return wrong results.",
        fix = "Keep the constraint only if the ETL guarantees it, and test the data for it.")
public final class UnenforcedConstraintRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (!(statement.definition() instanceof Table table)) {
            return;
        }
        for (Column column : table.columns()) {
            if (column.primaryKey() || column.unique() || column.references() != null) {
                reporter.report(statement.statement(), column.offset(),
                        "Column " + column.name() + " of " + table.name() + " has a key constraint that Redshift "
                                + "does not enforce.");
            }
        }
        for (TableConstraint constraint : table.constraints()) {
            if (constraint.type() != TableConstraint.Type.CHECK) {
                reporter.report(statement.statement(), constraint.offset(),
                        "Table " + table.name() + " has a " + constraint.type().name().replace('_', ' ')
                                + " constraint that Redshift does not enforce.");
            }
        }
    }
}
