package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import java.util.List;

@RuleInfo(id = "RS119", name = "recursive-cte-columns", severity = Severity.ERROR, docs = "WITH clause",
        summary = "A recursive common table expression without a column list.",
        why = "For a non-recursive CTE the column_name list is optional; for a recursive CTE it is required "
                + "(docs: WITH clause). PostgreSQL takes the names from the first SELECT.",
        fix = "Name the columns: WITH RECURSIVE tree (id, parent_id, depth) AS (...).")
public final class RecursiveCteColumnsRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        List<Token> tokens = statement.statement().tokens();
        for (int i : statement.statement().words().of("recursive")) {
            if (i > 0 && tokens.get(i - 1).is("with")) {
                checkDefinitions(statement, tokens, i + 1, reporter);
            }
        }
    }

    /** name [(columns)] AS (query) [, ...]: each one that reads itself needs its column list. */
    private static void checkDefinitions(ParsedStatement statement, List<Token> tokens, int at, Reporter reporter) {
        while (at + 1 < tokens.size() && tokens.get(at).isIdentifier()) {
            Token name = tokens.get(at);
            boolean columns = tokens.get(at + 1).isSymbol("(");
            int as = columns ? StatementTokens.closing(tokens, at + 1) + 1 : at + 1;
            if (as + 1 >= tokens.size() || !tokens.get(as).is("as") || !tokens.get(as + 1).isSymbol("(")) {
                return;
            }
            int end = StatementTokens.closing(tokens, as + 1);
            if (end < as + 2) {
                // The query's parenthesis is never closed (the statement is cut short): nothing to read.
                return;
            }
            boolean recursive = tokens.subList(as + 2, end).stream()
                    .anyMatch(t -> t.isIdentifier() && t.identifier().equals(name.identifier()));
            if (recursive && !columns) {
                reporter.report(statement.statement(), name.offset(), "The recursive CTE " + name.identifier()
                        + " has no column list.");
            }
            if (end + 1 >= tokens.size() || !tokens.get(end + 1).isSymbol(",")) {
                return;
            }
            at = end + 2;
        }
    }
}
