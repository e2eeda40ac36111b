package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;

@RuleInfo(id = "RS123", name = "late-binding-unqualified", severity = Severity.ERROR, docs = "CREATE VIEW",
        summary = "A view WITH NO SCHEMA BINDING that reads a table or view without its schema.",
        why = "When you include the WITH NO SCHEMA BINDING clause, tables and views referenced in the SELECT "
                + "statement must be qualified with a schema name (docs: CREATE VIEW).",
        fix = "Qualify every table and view the view reads, e.g. public.orders.")
public final class LateBindingQualifiedRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (!(statement.definition() instanceof View view) || !view.lateBinding()) {
            return;
        }
        for (ObjectName reference : view.references()) {
            if (!reference.isQualified()) {
                reporter.report(statement.statement(), offsetOf(statement, reference.name()), "The late-binding "
                        + "view " + view.name() + " reads " + reference.name() + " without a schema.");
            }
        }
    }

    private static int offsetOf(ParsedStatement statement, String name) {
        var tokens = statement.statement().tokens();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).isIdentifier() && tokens.get(i).identifier().equals(name)
                    && !tokens.get(i - 1).isSymbol(".") && (i + 1 >= tokens.size()
                    || !tokens.get(i + 1).isSymbol("."))) {
                return tokens.get(i).offset();
            }
        }
        return statement.statement().startOffset();
    }
}
