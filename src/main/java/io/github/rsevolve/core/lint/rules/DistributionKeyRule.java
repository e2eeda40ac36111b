package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.PhysicalAttributes;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import java.util.List;

@RuleInfo(id = "RS114", name = "distribution-key", severity = Severity.ERROR, docs = "CREATE TABLE",
        summary = "DISTKEY on more than one column, DISTKEY with a DISTSTYLE other than KEY, or DISTSTYLE KEY "
                + "without a DISTKEY.",
        why = "Only one column in a table can be the distribution key; if DISTKEY is set, DISTSTYLE must be KEY "
                + "or not set; DISTSTYLE KEY must name a DISTKEY column (docs: CREATE TABLE).",
        fix = "Name exactly one DISTKEY column with DISTSTYLE KEY (or no DISTSTYLE), or use DISTSTYLE EVEN, ALL or "
                + "AUTO without a DISTKEY.")
public final class DistributionKeyRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (!(statement.definition() instanceof Table table) || table.external() || table.like() != null) {
            return;
        }
        List<Column> keyColumns = table.columns().stream().filter(Column::distKey).toList();
        PhysicalAttributes physical = table.physical();
        boolean tableLevel = physical.distKey() != null && keyColumns.stream()
                .noneMatch(c -> c.name().equals(physical.distKey()));
        int offset = statement.statement().startOffset();
        if (keyColumns.size() + (tableLevel ? 1 : 0) > 1) {
            int at = keyColumns.size() > 1 ? keyColumns.get(1).offset() : keyColumns.get(0).offset();
            reporter.report(statement.statement(), at, "Table " + table.name() + " names "
                    + (keyColumns.size() + (tableLevel ? 1 : 0)) + " DISTKEY columns.");
        }
        String style = physical.distStyle();
        boolean hasKey = physical.distKey() != null || !keyColumns.isEmpty();
        if (hasKey && style != null && !style.equalsIgnoreCase("KEY")) {
            reporter.report(statement.statement(), offset, "Table " + table.name() + " has DISTSTYLE " + style
                    + " and a DISTKEY.");
        }
        if (!hasKey && "KEY".equalsIgnoreCase(style) && !table.createdAs()) {
            reporter.report(statement.statement(), offset, "Table " + table.name()
                    + " has DISTSTYLE KEY but no DISTKEY column.");
        }
    }
}
