package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(id = "RS122", name = "window-frame", severity = Severity.ERROR, docs = "Window functions",
        summary = "An aggregate window function with ORDER BY but no ROWS frame, or a RANGE or GROUPS frame.",
        why = "If an ORDER BY clause is used for an aggregate function, an explicit frame clause is required, and "
                + "the frame clause consists of the ROWS keyword (docs: Window functions); PostgreSQL defaults the "
                + "frame to RANGE UNBOUNDED PRECEDING.",
        fix = "Add the frame PostgreSQL assumed, usually ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW for a "
                + "running total, or ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING for the whole "
                + "partition.")
public final class WindowFrameRule implements Rule {

    private static final Set<String> AGGREGATES = Set.of("avg", "count", "max", "min", "sum", "stddev",
            "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        List<Token> tokens = statement.statement().tokens();
        for (String name : statement.statement().words().all()) {
            if (AGGREGATES.contains(name)) {
                for (int i : statement.statement().words().of(name)) {
                    check(statement, tokens, i, name, reporter);
                }
            }
        }
    }

    private static void check(ParsedStatement statement, List<Token> tokens, int i, String name,
                              Reporter reporter) {
        if (!StatementTokens.isCall(tokens, i, name)) {
            return;
        }
        int close = StatementTokens.closing(tokens, i + 1);
        if (close + 2 >= tokens.size() || !tokens.get(close + 1).is("over")
                || !tokens.get(close + 2).isSymbol("(")) {
            return;
        }
        int windowEnd = StatementTokens.closing(tokens, close + 2);
        boolean ordered = false;
        String frame = null;
        int depth = 0;
        for (int j = close + 3; j < windowEnd; j++) {
            Token token = tokens.get(j);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.is("order")) {
                ordered = true;
            } else if (depth == 0 && (token.is("rows") || token.is("range") || token.is("groups"))) {
                frame = token.text().toUpperCase(Locale.ROOT);
            }
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (frame != null && !frame.equals("ROWS")) {
            reporter.report(statement.statement(), tokens.get(i).offset(), upper + " OVER (...) has a "
                    + frame + " frame; Redshift frames are ROWS only.");
        } else if (ordered && frame == null) {
            reporter.report(statement.statement(), tokens.get(i).offset(), upper
                    + " OVER (... ORDER BY ...) has no frame clause.");
        }
    }
}
