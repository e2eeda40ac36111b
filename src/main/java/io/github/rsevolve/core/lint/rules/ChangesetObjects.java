package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import java.util.List;

/** What a changeset's statements before a given one did to a table. */
final class ChangesetObjects {

    private ChangesetObjects() {
    }

    /** Whether a statement before 'index' created the table or renamed another table to its name. */
    static boolean createdBefore(Changeset changeset, int index, ObjectName table) {
        return putsInPlace(changeset.script().statements(), 0, index, table);
    }

    /** Whether a statement after 'index' creates the table again or renames another table to its name. */
    static boolean recreatedAfter(Changeset changeset, int index, ObjectName table) {
        List<ParsedStatement> statements = changeset.script().statements();
        return putsInPlace(statements, index + 1, statements.size(), table);
    }

    /** Whether a statement in [from, to) creates the table or renames another table to its name. */
    private static boolean putsInPlace(List<ParsedStatement> statements, int from, int to, ObjectName table) {
        for (int i = from; i < to; i++) {
            ParsedStatement statement = statements.get(i);
            if (statement.kind().createsRelation() && Names.same(statement.target(), table)
                    || TableRecreations.renamesTo(statement, table)) {
                return true;
            }
        }
        return false;
    }
}
