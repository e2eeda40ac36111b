package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.TableConstraint;
import java.util.List;

/** An ALTER TABLE and its actions. */
public record AlterTable(ObjectName table, List<Action> actions) {

    public enum ActionType {
        ADD_COLUMN, DROP_COLUMN, RENAME_TABLE, RENAME_COLUMN, ALTER_COLUMN_TYPE, ALTER_COLUMN_ENCODE,
        ALTER_DISTSTYLE, ALTER_DISTKEY, ALTER_SORTKEY, ALTER_ENCODE, APPEND, ADD_CONSTRAINT, DROP_CONSTRAINT,
        OWNER, OTHER
    }

    /**
     * One action.
     *
     * @param subject the column, constraint, new table name or APPEND source, depending on the type
     * @param detail  the new column name, new type, or other detail; may be null
     * @param cascade whether the action ends in CASCADE
     * @param offset  character offset of the action in the file
     * @param column  the column definition of ADD COLUMN, or null
     * @param constraint the constraint of ADD CONSTRAINT, or null
     */
    public record Action(ActionType type, String subject, String detail, boolean cascade, int offset, Column column,
                         TableConstraint constraint) {

        public Action(ActionType type, String subject, String detail, boolean cascade, int offset) {
            this(type, subject, detail, cascade, offset, null, null);
        }
    }

    public boolean has(ActionType type) {
        return actions.stream().anyMatch(a -> a.type() == type);
    }
}
