package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Changeset;

@RuleInfo(id = "RS301", name = "unsafe-table-recreation", severity = Severity.ERROR,
        summary = "A changeset that copies a table and then drops or renames it, without locking it first.",
        why = "Between the copy and the DROP or RENAME, other sessions can still write to the original table; "
                + "those rows are not in the copy and are lost when the original is dropped. In Redshift the first "
                + "statement that takes the table's exclusive lock (ALTER TABLE ... RENAME, or LOCK) holds it until "
                + "the changeset commits.",
        fix = "Make ALTER TABLE x RENAME TO x_old (or LOCK x) the first statement touching the table, then copy "
                + "from x_old; redshift:regenerate -Dredshift.deepCopy=x writes this for you.")
public final class UnsafeTableRecreationRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        for (TableRecreations.Recreation recreation : TableRecreations.of(changeset)) {
            if (!recreation.locked()) {
                int line = recreation.dropOrRename().statement().position().line();
                reporter.report(recreation.copy().statement(), "Table " + recreation.original()
                        + " is copied here and dropped or renamed at line " + line
                        + ", but nothing locks it first: writes that land in between are lost.");
            }
        }
    }
}
