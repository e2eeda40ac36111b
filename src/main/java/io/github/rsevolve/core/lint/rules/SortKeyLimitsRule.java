package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.PhysicalAttributes;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import java.util.List;

@RuleInfo(id = "RS113", name = "sort-key-limits", severity = Severity.ERROR, docs = "CREATE TABLE; ALTER TABLE",
        summary = "An INTERLEAVED SORTKEY of more than 8 columns, a SORTKEY of more than 400, or SORTKEY on more "
                + "than one column definition.",
        why = "Redshift takes at most 400 COMPOUND SORTKEY columns or 8 INTERLEAVED SORTKEY columns per table, "
                + "and a column-level SORTKEY must be a single column (docs: CREATE TABLE, ALTER TABLE).",
        fix = "Keep the sort key to the columns queries filter on most, at most 8 for INTERLEAVED; name several "
                + "columns in one table-level SORTKEY (a, b).")
public final class SortKeyLimitsRule implements Rule {

    static final int COMPOUND_MAX = 400;
    static final int INTERLEAVED_MAX = 8;

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        PhysicalAttributes physical = statement.definition() instanceof Table table ? table.physical()
                : statement.definition() instanceof View view && view.materialized() ? view.physical() : null;
        if (physical != null) {
            check(statement, reporter, physical.sortStyle(), physical.sortKeys(), statement.statement()
                    .startOffset());
        }
        if (statement.definition() instanceof Table table) {
            List<Column> columnLevel = table.columns().stream().filter(Column::sortKey).toList();
            if (columnLevel.size() > 1) {
                reporter.report(statement.statement(), columnLevel.get(1).offset(), "SORTKEY is on "
                        + columnLevel.size() + " column definitions: " + String.join(", ",
                        columnLevel.stream().map(Column::name).toList()) + ".");
            }
        }
        if (statement.alter() != null) {
            for (AlterTable.Action action : statement.alter().actions()) {
                if (action.type() == AlterTable.ActionType.ALTER_SORTKEY && action.detail() != null
                        && !action.detail().equals("AUTO") && !action.detail().equals("NONE")) {
                    check(statement, reporter, action.subject(), List.of(action.detail().split(",")),
                            action.offset());
                }
            }
        }
    }

    private static void check(ParsedStatement statement, Reporter reporter, String style, List<String> keys,
                              int offset) {
        boolean interleaved = "INTERLEAVED".equals(style);
        int max = interleaved ? INTERLEAVED_MAX : COMPOUND_MAX;
        if (keys.size() > max) {
            reporter.report(statement.statement(), offset, "The " + (interleaved ? "INTERLEAVED " : "")
                    + "SORTKEY has " + keys.size() + " columns; at most " + max + " are allowed.");
        }
    }
}
