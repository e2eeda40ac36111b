package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.util.ArrayList;
import java.util.List;

/** The columns a statement defines, from CREATE TABLE (not external) and ALTER TABLE ... ADD COLUMN. */
final class TableColumns {

    /** A column's name, type and where it is defined. */
    record Defined(String name, String type, int offset) {
    }

    private TableColumns() {
    }

    static List<Defined> of(ParsedStatement statement) {
        List<Defined> columns = new ArrayList<>();
        if (statement.definition() instanceof Table table && !table.external()) {
            for (Column column : table.columns()) {
                columns.add(new Defined(column.name(), column.type(), column.offset()));
            }
        }
        if (statement.alter() != null) {
            for (AlterTable.Action action : statement.alter().actions()) {
                if (action.type() == AlterTable.ActionType.ADD_COLUMN
                        || action.type() == AlterTable.ActionType.ALTER_COLUMN_TYPE) {
                    columns.add(new Defined(action.subject(), action.detail(), action.offset()));
                }
            }
        }
        return columns;
    }

    /** The type's base name: lower case, without length, precision or array brackets. */
    static String baseType(String type) {
        int cut = type.length();
        for (char stop : new char[] {'(', '['}) {
            int at = type.indexOf(stop);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return type.substring(0, cut).trim();
    }
}
