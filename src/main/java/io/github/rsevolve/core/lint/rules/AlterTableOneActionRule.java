package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.AlterTable.ActionType;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(id = "RS111", name = "alter-table-one-action", severity = Severity.ERROR, docs = "ALTER TABLE",
        summary = "An ALTER TABLE with several actions, such as two ADD COLUMN clauses.",
        why = "Redshift adds only one column in each ALTER TABLE statement, and combines clauses only as ALTER "
                + "SORTKEY with ALTER DISTKEY or ALTER DISTSTYLE ALL, or as several ALTER COLUMN ... ENCODE of "
                + "different columns (docs: ALTER TABLE); PostgreSQL takes any list of actions.",
        fix = "Write one ALTER TABLE statement for each action.")
public final class AlterTableOneActionRule implements Rule {

    private static final List<Set<ActionType>> COMBINATIONS = List.of(
            EnumSet.of(ActionType.ALTER_SORTKEY, ActionType.ALTER_DISTKEY),
            EnumSet.of(ActionType.ALTER_SORTKEY, ActionType.ALTER_DISTSTYLE));

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        AlterTable alter = statement.alter();
        if (alter == null || alter.actions().size() < 2) {
            return;
        }
        List<AlterTable.Action> actions = alter.actions();
        Set<ActionType> types = EnumSet.noneOf(ActionType.class);
        actions.forEach(a -> types.add(a.type()));
        boolean encodes = types.equals(EnumSet.of(ActionType.ALTER_COLUMN_ENCODE))
                && actions.stream().map(a -> a.subject()).distinct().count() == actions.size();
        if (encodes || actions.size() == 2 && COMBINATIONS.contains(types)) {
            return;
        }
        reporter.report(statement.statement(), actions.get(1).offset(), "The ALTER TABLE of " + alter.table()
                + " has " + actions.size() + " actions: " + String.join(", ", actions.stream()
                .map(a -> a.type().name().replace('_', ' ').toLowerCase(Locale.ROOT)).toList()) + ".");
    }
}
