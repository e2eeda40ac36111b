package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.SchemaObject;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.sql.SqlStatement;

@RuleInfo(id = "RS502", name = "duplicate-definition", severity = Severity.ERROR,
        summary = "Two definitions of one schema, table or view in the absolute model.",
        why = "The absolute model must say once what each object is; with two definitions, the build from the "
                + "model fails (the object already exists) or keeps whichever ran last.",
        fix = "Keep one definition and delete the other.")
public final class DuplicateDefinitionRule implements Rule {

    @Override
    public void checkProject(Project project, Reporter reporter) {
        for (SchemaObject[] pair : project.absoluteModel().duplicates()) {
            SqlStatement first = pair[0].source();
            reporter.report(pair[1].source(), "The " + pair[1].kind() + " " + pair[1].name()
                    + " is already defined at " + first.file().displayPath() + ":" + first.position() + ".");
        }
    }
}
