package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import java.util.Map;

@RuleInfo(id = "RS102", name = "unsupported-type", severity = Severity.ERROR,
        summary = "A PostgreSQL data type Redshift does not have: arrays, JSON, JSONB, HSTORE, UUID, INET, XML, ...",
        why = "Redshift supports only its own data types (docs: Data types); CREATE TABLE fails.",
        fix = "Use the Redshift type named in the message.")
public final class UnsupportedTypeRule implements Rule {

    /** PostgreSQL types Redshift lacks, with the Redshift type to use instead. */
    private static final Map<String, String> REPLACEMENTS = Map.ofEntries(
            Map.entry("json", "SUPER (or VARCHAR with JSON functions)"),
            Map.entry("jsonb", "SUPER"),
            Map.entry("hstore", "SUPER"),
            Map.entry("uuid", "CHAR(36)"),
            Map.entry("inet", "VARCHAR(45)"),
            Map.entry("cidr", "VARCHAR(49)"),
            Map.entry("macaddr", "CHAR(17)"),
            Map.entry("xml", "VARCHAR(MAX) or SUPER"),
            Map.entry("money", "DECIMAL(19,4)"),
            Map.entry("bytea", "VARBYTE"),
            Map.entry("tsvector", "VARCHAR"),
            Map.entry("point", "GEOMETRY"),
            Map.entry("array", "SUPER"));

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        for (TableColumns.Defined column : TableColumns.of(statement)) {
            String base = TableColumns.baseType(column.type());
            boolean array = column.type().contains("[") || base.endsWith(" array");
            String replacement = array ? REPLACEMENTS.get("array") : REPLACEMENTS.get(base);
            if (replacement != null) {
                reporter.report(statement.statement(), column.offset(),
                        "Column " + column.name() + " is " + column.type().toUpperCase() + ", which Redshift does"
                                + " not have.", "Use " + replacement + ".");
            }
        }
    }
}
