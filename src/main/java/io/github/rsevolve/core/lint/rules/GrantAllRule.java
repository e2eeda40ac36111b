package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Grant;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;

@RuleInfo(id = "RS703", name = "grant-all", severity = Severity.WARNING,
        summary = "GRANT ALL [PRIVILEGES].",
        why = "ALL on a table includes UPDATE, DELETE, DROP, ALTER and TRUNCATE (docs: GRANT): far more than "
                + "readers or loaders need.",
        fix = "Grant the privileges the grantee needs, e.g. SELECT for readers, SELECT, INSERT for loaders.")
public final class GrantAllRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        Grant grant = statement.grant();
        if (grant != null && !grant.revoke() && !grant.privileges().isEmpty()
                && grant.privileges().get(0).startsWith("ALL")) {
            String objects = String.join(", ", grant.objects().stream().map(ObjectName::toString).toList());
            String on = grant.objectType().equals("TABLE") ? objects
                    : grant.objectType() + (objects.isEmpty() ? "" : " " + objects);
            reporter.report(statement.statement(), "The GRANT gives ALL privileges on " + on + " to "
                    + String.join(", ", grant.grantees()) + ".");
        }
    }
}
