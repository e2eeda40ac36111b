package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Changeset;

@RuleInfo(id = "RS603", name = "empty-changeset", severity = Severity.ERROR,
        summary = "A changeset with no SQL statement.",
        why = "Flyway records an empty changeset as applied, so the change it was meant to hold never reaches "
                + "any cluster, and adding it to the same file later breaks the checksum.",
        fix = "Write the changeset's SQL, or delete the file.")
public final class EmptyChangesetRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        if (changeset.script().script().isEmpty() && changeset.script().script().problems().isEmpty()) {
            reporter.report(changeset.script().file(), 0, "The changeset holds no SQL statement.",
                    info().fix());
        }
    }
}
