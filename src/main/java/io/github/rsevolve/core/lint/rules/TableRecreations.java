package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Changeset;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the table recreations in a changeset: a statement that copies table X (CTAS from X, or INSERT ... SELECT
 * from X into another table), followed by a DROP TABLE X or ALTER TABLE X RENAME.
 */
final class TableRecreations {

    /**
     * One recreation.
     *
     * @param locked whether the first statement touching the original locks it (LOCK, or the RENAME that created it)
     */
    record Recreation(ObjectName original, ParsedStatement copy, ParsedStatement dropOrRename, boolean locked) {
    }

    private TableRecreations() {
    }

    static List<Recreation> of(Changeset changeset) {
        List<ParsedStatement> statements = changeset.script().statements();
        List<Recreation> found = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            ParsedStatement copy = statements.get(i);
            for (ObjectName source : copiedFrom(copy)) {
                if (found.stream().anyMatch(r -> Names.same(r.original(), source))) {
                    continue;
                }
                for (int j = i + 1; j < statements.size(); j++) {
                    if (dropsOrRenames(statements.get(j), source)) {
                        found.add(new Recreation(source, copy, statements.get(j), locksFirst(statements, source)));
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** The tables a CTAS or INSERT ... SELECT copies rows from. */
    private static List<ObjectName> copiedFrom(ParsedStatement statement) {
        if (statement.kind() != StatementKind.CREATE_TABLE_AS && statement.kind() != StatementKind.INSERT) {
            return List.of();
        }
        return statement.references().stream().filter(r -> !Names.same(r, statement.target())).toList();
    }

    private static boolean dropsOrRenames(ParsedStatement statement, ObjectName table) {
        if (statement.drop() != null && statement.drop().objectType().equals("TABLE")) {
            return statement.drop().names().stream().anyMatch(n -> Names.same(n, table));
        }
        return statement.alter() != null && Names.same(statement.target(), table)
                && statement.alter().has(AlterTable.ActionType.RENAME_TABLE);
    }

    private static boolean locksFirst(List<ParsedStatement> statements, ObjectName table) {
        for (ParsedStatement statement : statements) {
            if (renamesTo(statement, table)) {
                return true;
            }
            if (touches(statement, table)) {
                return statement.kind() == StatementKind.LOCK || statement.alter() != null
                        && statement.alter().has(AlterTable.ActionType.RENAME_TABLE);
            }
        }
        return false;
    }

    /** Whether the statement is ALTER TABLE ... RENAME TO table. */
    static boolean renamesTo(ParsedStatement statement, ObjectName table) {
        return statement.alter() != null && statement.alter().actions().stream()
                .anyMatch(a -> a.type() == AlterTable.ActionType.RENAME_TABLE && a.subject().equals(table.name()));
    }

    private static boolean touches(ParsedStatement statement, ObjectName table) {
        return Names.same(statement.target(), table)
                || statement.references().stream().anyMatch(r -> Names.same(r, table))
                || statement.drop() != null && statement.drop().names().stream().anyMatch(n -> Names.same(n, table));
    }
}
