package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Changeset;
import java.util.List;

@RuleInfo(id = "RS302", name = "multiple-table-recreations", severity = Severity.WARNING,
        summary = "More than one table recreated (deep copied) in a single changeset.",
        why = "Each recreation holds an exclusive lock on its table until the changeset commits; several in one "
                + "transaction block writers to all of them for the whole copy time, and one failure rolls back all.",
        fix = "Recreate one table per changeset.")
public final class MultipleTableRecreationsRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        List<TableRecreations.Recreation> recreations = TableRecreations.of(changeset);
        for (int i = 1; i < recreations.size(); i++) {
            TableRecreations.Recreation recreation = recreations.get(i);
            reporter.report(recreation.copy().statement(), "Table " + recreation.original() + " is the "
                    + (i + 1) + ". table recreated in this changeset (the first is " + recreations.get(0).original()
                    + ").");
        }
    }
}
