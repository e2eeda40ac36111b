package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import java.util.List;

@RuleInfo(id = "RS403", name = "rename", severity = Severity.WARNING,
        summary = "A table or column renamed in a changeset (other than the renames of a table recreation).",
        why = "Views bound to the old name keep pointing at it or fail, and every ETL query, report and grant "
                + "script that uses the old name breaks.",
        fix = "Update every reader of the old name in the same release; suppress with "
                + "-- redshift:lint ignore rename <reason>.")
public final class RenameRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        List<ParsedStatement> statements = changeset.script().statements();
        for (int i = 0; i < statements.size(); i++) {
            ParsedStatement statement = statements.get(i);
            if (statement.alter() == null) {
                continue;
            }
            for (AlterTable.Action action : statement.alter().actions()) {
                if (action.type() == AlterTable.ActionType.RENAME_COLUMN) {
                    reporter.report(statement.statement(), action.offset(), "Column " + statement.target() + "."
                            + action.subject() + " is renamed to " + action.detail() + ".");
                } else if (action.type() == AlterTable.ActionType.RENAME_TABLE && !isRecreation(changeset, i,
                        statement)) {
                    reporter.report(statement.statement(), action.offset(), "Table " + statement.target()
                            + " is renamed to " + action.subject() + ".");
                }
            }
        }
    }

    /** A rename that moves the old table aside for its replacement, or moves the replacement into place. */
    private static boolean isRecreation(Changeset changeset, int index, ParsedStatement statement) {
        return ChangesetObjects.recreatedAfter(changeset, index, statement.target())
                || ChangesetObjects.createdBefore(changeset, index, statement.target());
    }
}
