package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import java.util.Set;

@RuleInfo(id = "RS120", name = "system-column-name", severity = Severity.ERROR,
        docs = "Unsupported PostgreSQL features",
        summary = "A column named like a PostgreSQL system column: oid, tableoid, xmin, xmax, cmin, cmax, ctid.",
        why = "Redshift does not define system columns, but the PostgreSQL system column names cannot be used as "
                + "names of user-defined columns (docs: Unsupported PostgreSQL features); PostgreSQL 12 and later "
                + "take a column named oid.",
        fix = "Rename the column, e.g. object_id.")
public final class SystemColumnNameRule implements Rule {

    private static final Set<String> SYSTEM_COLUMNS = Set.of("oid", "tableoid", "xmin", "xmax", "cmin", "cmax",
            "ctid");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        for (TableColumns.Defined column : TableColumns.of(statement)) {
            if (SYSTEM_COLUMNS.contains(column.name()) && column.type() != null) {
                reporter.report(statement.statement(), column.offset(), "Column " + column.name()
                        + " has the name of a PostgreSQL system column.");
            }
        }
    }
}
