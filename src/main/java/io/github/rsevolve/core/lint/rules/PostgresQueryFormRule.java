package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.lint.Origin;
import io.github.rsevolve.core.lint.Reporter;
import io.github.rsevolve.core.lint.Rule;
import io.github.rsevolve.core.lint.RuleInfo;
import io.github.rsevolve.core.lint.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.sql.Token;
import java.util.List;
import java.util.Locale;

@RuleInfo(id = "RS121", name = "postgres-query-form", severity = Severity.ERROR,
        docs = "UNION, INTERSECT, and EXCEPT; SELECT list; Unsupported PostgreSQL features",
        summary = "INTERSECT ALL, EXCEPT ALL or MINUS ALL; SELECT DISTINCT ON; IS [NOT] DISTINCT FROM; a VALUES "
                + "list used as a table.",
        why = "INTERSECT ALL, EXCEPT ALL and MINUS ALL aren't supported (docs: UNION, INTERSECT, and EXCEPT); the "
                + "SELECT list takes only ALL or DISTINCT (docs: SELECT list); IS DISTINCT FROM and VALUES lists used "
                + "as constant tables are PostgreSQL features Redshift lacks (docs: Unsupported PostgreSQL "
                + "features, Unsupported PostgreSQL functions).",
        fix = "Use INTERSECT or EXCEPT without ALL; ROW_NUMBER() OVER (PARTITION BY ...) = 1 instead of DISTINCT ON; "
                + "(a = b OR (a IS NULL AND b IS NULL)) instead of IS NOT DISTINCT FROM; SELECT ... UNION ALL "
                + "SELECT ... instead of (VALUES ...).")
public final class PostgresQueryFormRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        List<Token> tokens = statement.statement().tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = tokens.get(i + 1);
            String found = null;
            if ((token.is("intersect") || token.is("except") || token.is("minus")) && next.is("all")) {
                found = token.text().toUpperCase(Locale.ROOT) + " ALL";
            } else if (token.is("distinct") && next.is("on") && i + 2 < tokens.size()
                    && tokens.get(i + 2).isSymbol("(") && i > 0 && tokens.get(i - 1).is("select")) {
                found = "SELECT DISTINCT ON";
            } else if (token.is("is") && (next.is("distinct")
                    || next.is("not") && i + 2 < tokens.size() && tokens.get(i + 2).is("distinct"))) {
                found = next.is("not") ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM";
            } else if (token.isSymbol("(") && next.is("values") && i > 0
                    && (tokens.get(i - 1).is("from") || tokens.get(i - 1).is("join")
                    || tokens.get(i - 1).isSymbol(","))) {
                found = "A VALUES list used as a table";
            }
            if (found != null) {
                reporter.report(statement.statement(), token.offset(), found + " is not Redshift SQL.");
            }
        }
    }
}
