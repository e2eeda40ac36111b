package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Grant;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;

@RuleInfo(id = "RS702", name = "grant-to-public", severity = Severity.WARNING,
        summary = "GRANT ... TO PUBLIC.",
        why = "PUBLIC is every user of the cluster, present and future, including service accounts of other teams.",
        fix = "Grant to a group or role that holds exactly the users who need access.")
public final class GrantToPublicRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        Grant grant = statement.grant();
        if (grant != null && !grant.revoke() && grant.grantees().contains("public")) {
            reporter.report(statement.statement(), "The GRANT gives " + String.join(", ", grant.privileges())
                    + " to PUBLIC.");
        }
    }
}
