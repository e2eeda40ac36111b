package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.NameIndex;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.SchemaObject;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.sql.Token;
import java.util.List;

@RuleInfo(id = "RS124", name = "materialized-view-limits", severity = Severity.ERROR,
        docs = "CREATE MATERIALIZED VIEW",
        summary = "A materialized view with ORDER BY, LIMIT or OFFSET, over a standard view, or with AUTO REFRESH "
                + "YES over another materialized view.",
        why = "A materialized view can't reference or include the ORDER BY, LIMIT or OFFSET clause, nor standard "
                + "views; AUTO REFRESH YES can't be used when the materialized view is defined on another "
                + "materialized view (docs: CREATE MATERIALIZED VIEW).",
        fix = "Order and limit where the view is queried; read the view's tables instead of the view; refresh a "
                + "materialized view over another one with REFRESH MATERIALIZED VIEW in the ETL.")
public final class MaterializedViewLimitsRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (!(statement.definition() instanceof View view) || !view.materialized()) {
            return;
        }
        List<Token> tokens = statement.statement().tokens();
        int[] depths = Token.depths(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean clause = token.is("order") && i + 1 < tokens.size() && tokens.get(i + 1).is("by")
                    || token.is("limit") || token.is("offset");
            if (clause && depths[i] == 0) {
                reporter.report(statement.statement(), token.offset(), "The materialized view " + view.name()
                        + " has " + (token.is("order") ? "ORDER BY" : token.text().toUpperCase()) + ".");
            }
        }
    }

    @Override
    public void checkProject(Project project, Reporter reporter) {
        NameIndex<View> views = new NameIndex<>();
        for (SchemaObject object : project.absoluteModel().objects()) {
            if (object instanceof View view) {
                views.add(view.name(), view);
            }
        }
        for (View view : views.values()) {
            if (!view.materialized()) {
                continue;
            }
            for (ObjectName reference : view.references()) {
                View read = views.get(reference);
                if (read == null) {
                    continue;
                }
                if (!read.materialized()) {
                    reporter.report(view.source(), "The materialized view " + view.name() + " reads the view "
                            + read.name() + ".");
                } else if (Boolean.TRUE.equals(view.autoRefresh())) {
                    reporter.report(view.source(), "The materialized view " + view.name() + " has AUTO REFRESH "
                            + "YES and reads the materialized view " + read.name() + ".");
                }
            }
        }
    }
}
