package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.PhysicalAttributes;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@RuleInfo(id = "RS115", name = "key-column-unknown", severity = Severity.ERROR, docs = "CREATE TABLE",
        summary = "A DISTKEY or SORTKEY that names a column the table does not have.",
        why = "DISTKEY (column_name) and SORTKEY (column_name, ...) name columns of the table being created "
                + "(docs: CREATE TABLE); Redshift rejects a key on a column that does not exist, and PostgreSQL "
                + "never sees these clauses.",
        fix = "Name a column of the table, spelled as in its definition.")
public final class KeyColumnUnknownRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        // A CTAS or LIKE table takes its columns from elsewhere: the model cannot list them here.
        if (!(statement.definition() instanceof Table table) || table.external() || table.like() != null
                || table.createdAs() || table.columns().isEmpty()) {
            return;
        }
        Set<String> columns = table.columns().stream().map(Column::name).collect(Collectors.toSet());
        PhysicalAttributes physical = table.physical();
        List<String> keys = new ArrayList<>(physical.sortKeys());
        if (physical.distKey() != null) {
            keys.add(physical.distKey());
        }
        for (String key : keys.stream().distinct().toList()) {
            if (!columns.contains(key)) {
                reporter.report(statement.statement(), offsetOf(statement, key), "Table " + table.name()
                        + " has no column " + key + " for its distribution or sort key.");
            }
        }
    }

    /** Where the key's name stands after DISTKEY or SORTKEY, or the statement's start. */
    private static int offsetOf(ParsedStatement statement, String key) {
        var tokens = statement.statement().tokens();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).isIdentifier() && tokens.get(i).identifier().equals(key)) {
                return tokens.get(i).offset();
            }
        }
        return statement.statement().startOffset();
    }
}
