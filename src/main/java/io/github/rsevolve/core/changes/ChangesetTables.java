package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.graph.DependencyGraph;
import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The columns each table has after the changesets, replayed from their CREATE, ALTER and DROP statements. */
final class ChangesetTables {

    private final Map<ObjectName, List<String>> columns = new HashMap<>();

    static ChangesetTables of(List<Changeset> changesets) {
        ChangesetTables tables = new ChangesetTables();
        changesets.stream().filter(Changeset::isWellNamed)
                .flatMap(c -> c.script().statements().stream()).forEach(tables::apply);
        return tables;
    }

    /** The columns of the table, in order, or null when no changeset creates it. */
    List<String> columns(ObjectName table) {
        return columns.get(DependencyGraph.key(table));
    }

    private void apply(ParsedStatement statement) {
        if (statement.definition() instanceof Table table && !table.createdAs()) {
            columns.put(DependencyGraph.key(table.name()),
                    new ArrayList<>(table.columns().stream().map(Column::name).toList()));
        } else if (statement.drop() != null && statement.drop().objectType().equals("TABLE")) {
            statement.drop().names().forEach(n -> columns.remove(DependencyGraph.key(n)));
        } else if (statement.alter() != null) {
            ObjectName table = DependencyGraph.key(statement.target());
            List<String> current = columns.get(table);
            for (AlterTable.Action action : statement.alter().actions()) {
                if (current == null) {
                    return;
                }
                switch (action.type()) {
                    case ADD_COLUMN -> current.add(action.subject());
                    case DROP_COLUMN -> current.remove(action.subject());
                    case RENAME_COLUMN -> current.replaceAll(c -> c.equals(action.subject()) ? action.detail() : c);
                    case RENAME_TABLE -> {
                        columns.remove(table);
                        columns.put(new ObjectName(table.schema(), action.subject()), current);
                    }
                    default -> {
                    }
                }
            }
        }
    }
}
