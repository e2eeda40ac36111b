package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.project.Changeset;

@RuleInfo(id = "RS601", name = "changeset-name", severity = Severity.ERROR,
        summary = "A file in the incremental folder whose name does not match Flyway's V<version>__<description>.sql "
                + "or R__<description>.sql, nor Flyway's name of an SQL callback (afterMigrate.sql, ...).",
        why = "Flyway skips files whose names do not match its pattern, so the changeset is never applied to any "
                + "cluster, silently.",
        fix = "Rename the file, e.g. V12__add_discount.sql (two underscores; version parts separated by . or _).")
public final class ChangesetNameRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        if (!changeset.isWellNamed() && !changeset.isCallback()) {
            reporter.report(changeset.script().file(), 0, "Flyway will not apply "
                    + changeset.script().file().path().getFileName() + ": the name does not match its pattern.",
                    info().fix());
        }
    }
}
