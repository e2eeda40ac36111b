package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.Transactions;
import io.github.rsevolve.core.project.Changeset;
import java.util.List;

@RuleInfo(id = "RS201", name = "non-transactional-mix", severity = Severity.ERROR,
        summary = "A changeset that mixes a statement Redshift cannot run in a transaction block with others.",
        why = "ALTER TABLE ... ALTER COLUMN ... TYPE, ALTER TABLE APPEND, VACUUM, CREATE/ALTER/DROP EXTERNAL TABLE "
                + "and CREATE/DROP LIBRARY cannot run inside a transaction block (docs of each statement); Flyway "
                + "runs a changeset in one transaction, so the changeset fails, or runs without one and is no longer "
                + "atomic.",
        fix = "Move the statement into a changeset of its own.")
public final class NonTransactionalMixRule implements Rule {

    @Override
    public void checkChangeset(Changeset changeset, Reporter reporter) {
        List<ParsedStatement> statements = changeset.script().statements();
        if (statements.size() < 2) {
            return;
        }
        for (ParsedStatement statement : statements) {
            String what = Transactions.nonTransactional(statement);
            if (what != null) {
                reporter.report(statement.statement(), what + " cannot run in a transaction block, and this "
                        + "changeset has " + (statements.size() - 1) + " other statement(s).");
            }
        }
    }
}
