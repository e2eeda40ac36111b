package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Changeset;

@RuleInfo(id = "RS202", name = "truncate-in-changeset", severity = Severity.WARNING,
        summary = "TRUNCATE in a changeset.",
        why = "TRUNCATE commits the current transaction in Redshift (docs: TRUNCATE), so the statements before it "
                + "stay applied even when the changeset fails later: the changeset is no longer atomic.",
        fix = "Use DELETE FROM (transactional), or put the TRUNCATE in a changeset of its own.")
public final class TruncateInChangesetRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        for (ParsedStatement statement : changeset.script().statements()) {
            if (statement.kind() == StatementKind.TRUNCATE) {
                reporter.report(statement.statement(), "TRUNCATE " + statement.target()
                        + " commits the changeset's transaction.");
            }
        }
    }
}
