package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import java.util.Set;

@RuleInfo(id = "RS108", name = "unbounded-text", severity = Severity.WARNING,
        summary = "A TEXT column, or VARCHAR without a length.",
        why = "Redshift turns TEXT and VARCHAR without a length into VARCHAR(256) (docs: Character types): "
                + "longer values fail to load.",
        fix = "Give the column an explicit length, e.g. VARCHAR(1024), or VARCHAR(MAX) for up to 65535 bytes.")
public final class UnboundedTextRule implements Rule {

    private static final Set<String> UNBOUNDED = Set.of("text", "varchar", "character varying", "nvarchar",
            "bpchar");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        for (TableColumns.Defined column : TableColumns.of(statement)) {
            String type = column.type();
            if (UNBOUNDED.contains(type)) {
                reporter.report(statement.statement(), column.offset(),
                        "Column " + column.name() + " is " + type.toUpperCase() + ", which Redshift makes "
                                + "VARCHAR(256).");
            }
        }
    }
}
