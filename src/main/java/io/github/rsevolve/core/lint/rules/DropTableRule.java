package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import java.util.List;

@RuleInfo(id = "RS401", name = "drop-table", severity = Severity.WARNING,
        summary = "DROP TABLE in a changeset, of a table the changeset did not create itself.",
        why = "Dropping a table deletes its data for good (Redshift has no undrop; only a snapshot restore brings "
                + "it back), and breaks the views and ETL queries that read it.",
        fix = "Make sure the data is no longer needed or is copied elsewhere first; then suppress with "
                + "-- redshift:lint ignore drop-table <reason>.")
public final class DropTableRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        List<ParsedStatement> statements = changeset.script().statements();
        for (int i = 0; i < statements.size(); i++) {
            ParsedStatement statement = statements.get(i);
            if (statement.drop() == null || !statement.drop().objectType().equals("TABLE")) {
                continue;
            }
            for (ObjectName table : statement.drop().names()) {
                // A table created or renamed into place earlier in the same changeset is a staging or _old copy.
                if (!ChangesetObjects.createdBefore(changeset, i, table)) {
                    reporter.report(statement.statement(), "DROP TABLE " + table + " deletes the table and its data.");
                }
            }
        }
    }
}
