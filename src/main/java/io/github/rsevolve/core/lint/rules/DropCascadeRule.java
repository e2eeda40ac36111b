package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;

@RuleInfo(id = "RS404", name = "drop-cascade", severity = Severity.WARNING,
        summary = "DROP ... CASCADE (or DROP COLUMN ... CASCADE).",
        why = "Redshift runs it, but CASCADE silently drops every view that depends on the object, with their "
                + "grants and comments; nothing recreates them, and late-binding views are not even among them (they "
                + "are not in pg_depend).",
        fix = "Drop the dependent views explicitly and recreate them after the change: redshift:regenerate "
                + "-Dredshift.objects=<object> writes that changeset.")
public final class DropCascadeRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (statement.drop() != null && statement.drop().cascade()) {
            reporter.report(statement.statement(), "DROP " + statement.drop().objectType() + " "
                    + statement.target() + " CASCADE drops every dependent view silently.");
        }
        if (statement.alter() != null) {
            for (AlterTable.Action action : statement.alter().actions()) {
                if (action.cascade()) {
                    reporter.report(statement.statement(), action.offset(), action.type().name().replace('_', ' ')
                            + " " + action.subject() + " CASCADE drops every dependent view silently.");
                }
            }
        }
    }
}
