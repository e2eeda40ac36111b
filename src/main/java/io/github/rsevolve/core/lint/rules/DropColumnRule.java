package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;

@RuleInfo(id = "RS402", name = "drop-column", severity = Severity.WARNING,
        summary = "ALTER TABLE ... DROP COLUMN in a changeset.",
        why = "The column's data is gone for good, and views and ETL queries that read the column fail.",
        fix = "Make sure nothing reads the column and its data is no longer needed; then suppress with "
                + "-- redshift:lint ignore drop-column <reason>.")
public final class DropColumnRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        for (ParsedStatement statement : changeset.script().statements()) {
            if (statement.alter() == null) {
                continue;
            }
            for (AlterTable.Action action : statement.alter().actions()) {
                if (action.type() == AlterTable.ActionType.DROP_COLUMN) {
                    reporter.report(statement.statement(), action.offset(), "Column " + statement.target() + "."
                            + action.subject() + " is dropped with its data.");
                }
            }
        }
    }
}
