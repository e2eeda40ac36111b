package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.TableConstraint;
import io.github.rsevolve.core.parse.AlterTable.Action;
import io.github.rsevolve.core.parse.AlterTable.ActionType;
import io.github.rsevolve.core.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** Parses the actions of ALTER TABLE (docs: ALTER TABLE, ALTER TABLE APPEND) after the table name. */
final class AlterTableParser {

    private AlterTableParser() {
    }

    static AlterTable parse(TokenCursor cursor, ObjectName table) {
        List<Action> actions = new ArrayList<>();
        do {
            actions.add(action(cursor));
        } while (cursor.acceptSymbol(","));
        if (!cursor.atEnd()) {
            throw cursor.error("Unexpected text after the ALTER TABLE action");
        }
        return new AlterTable(table, List.copyOf(actions));
    }

    private static Action action(TokenCursor cursor) {
        int offset = cursor.offset();
        if (isPartitionAction(cursor)) {
            skipRest(cursor);
            return new Action(ActionType.OTHER, null, null, false, offset);
        }
        if (cursor.accept("add")) {
            if (cursor.is("constraint") || cursor.is("primary") || cursor.is("unique") || cursor.is("foreign")
                    || cursor.is("check")) {
                TableConstraint constraint = TableParser.constraintDefinition(cursor);
                return new Action(ActionType.ADD_CONSTRAINT, constraint.name(), null, false, offset, null,
                        constraint);
            }
            cursor.accept("column");
            cursor.accept("if", "not", "exists");
            Column column = TableParser.columnDefinition(cursor);
            return new Action(ActionType.ADD_COLUMN, column.name(), column.type(), false, offset, column, null);
        }
        if (cursor.accept("drop")) {
            if (cursor.accept("constraint")) {
                String name = cursor.identifier();
                return new Action(ActionType.DROP_CONSTRAINT, name, null, cascade(cursor), offset);
            }
            cursor.accept("column");
            cursor.accept("if", "exists");
            String column = cursor.identifier();
            return new Action(ActionType.DROP_COLUMN, column, null, cascade(cursor), offset);
        }
        if (cursor.accept("rename")) {
            if (cursor.accept("to")) {
                return new Action(ActionType.RENAME_TABLE, cursor.qualifiedName().name(), null, false, offset);
            }
            cursor.accept("column");
            String column = cursor.identifier();
            cursor.expect("to");
            return new Action(ActionType.RENAME_COLUMN, column, cursor.identifier(), false, offset);
        }
        if (cursor.accept("alter")) {
            return alterAction(cursor, offset);
        }
        if (cursor.accept("append", "from")) {
            String source = cursor.qualifiedName().toString();
            skipRest(cursor);
            return new Action(ActionType.APPEND, source, null, false, offset);
        }
        if (cursor.accept("owner", "to")) {
            return new Action(ActionType.OWNER, cursor.identifier(), null, false, offset);
        }
        // SET LOCATION, ADD PARTITION, ROW LEVEL SECURITY, SET TABLE PROPERTIES...: nothing to model.
        skipRest(cursor);
        return new Action(ActionType.OTHER, null, null, false, offset);
    }

    /** ADD [IF NOT EXISTS] PARTITION / DROP PARTITION of an external table (docs: ALTER TABLE, external tables). */
    private static boolean isPartitionAction(TokenCursor cursor) {
        if (!cursor.is("add") && !cursor.is("drop")) {
            return false;
        }
        Token next = cursor.peek(1);
        Token afterIfNotExists = cursor.peek(4);
        return next != null && (next.is("partition")
                || next.is("if") && afterIfNotExists != null && afterIfNotExists.is("partition"));
    }

    private static Action alterAction(TokenCursor cursor, int offset) {
        if (cursor.accept("diststyle")) {
            String style = cursor.word();
            String key = style.equals("KEY") && cursor.accept("distkey") ? cursor.identifier() : null;
            return new Action(ActionType.ALTER_DISTSTYLE, style, key, false, offset);
        }
        if (cursor.accept("distkey")) {
            return new Action(ActionType.ALTER_DISTKEY, cursor.identifier(), null, false, offset);
        }
        if (cursor.is("compound") || cursor.is("interleaved") || cursor.is("sortkey")) {
            String style = cursor.is("sortkey") ? "COMPOUND" : cursor.word();
            cursor.expect("sortkey");
            String keys = cursor.accept("auto") ? "AUTO" : cursor.accept("none") ? "NONE"
                    : String.join(",", cursor.identifierList());
            return new Action(ActionType.ALTER_SORTKEY, style, keys, false, offset);
        }
        if (cursor.accept("encode")) {
            cursor.expect("auto");
            return new Action(ActionType.ALTER_ENCODE, "AUTO", null, false, offset);
        }
        cursor.accept("column");
        String column = cursor.identifier();
        if (cursor.accept("type") || cursor.accept("set", "data", "type")) {
            return new Action(ActionType.ALTER_COLUMN_TYPE, column, TableParser.dataType(cursor), false, offset);
        }
        if (cursor.accept("encode")) {
            return new Action(ActionType.ALTER_COLUMN_ENCODE, column, cursor.word(), false, offset);
        }
        skipRest(cursor);
        return new Action(ActionType.OTHER, column, null, false, offset);
    }

    private static boolean cascade(TokenCursor cursor) {
        if (cursor.accept("cascade")) {
            return true;
        }
        cursor.accept("restrict");
        return false;
    }

    /** Skips to the next top-level comma or the end. */
    private static void skipRest(TokenCursor cursor) {
        while (!cursor.atEnd() && !cursor.isSymbol(",")) {
            if (cursor.isSymbol("(")) {
                cursor.skipParenthesised();
            } else {
                cursor.next();
            }
        }
    }
}
