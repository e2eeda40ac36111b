package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(id = "RS704", name = "risky-identifier", severity = Severity.WARNING,
        summary = "A delimited name that holds a quote, an apostrophe or a backslash.",
        why = "Redshift accepts such names (docs: Names and identifiers), but every script, tool and dynamic SQL "
                + "statement that puts the name into SQL text must then quote it exactly right: a backslash or an "
                + "apostrophe ends a string literal that only doubles quotes, which is how SQL injection through a "
                + "name happens.",
        fix = "Rename the object or column to letters, digits and underscores.")
public final class RiskyIdentifierRule implements Rule {

    private static final Map<Character, String> RISKY = new LinkedHashMap<>();

    static {
        RISKY.put('"', "a double quote");
        RISKY.put('\'', "an apostrophe");
        RISKY.put('\\', "a backslash");
    }

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        for (int i : statement.statement().words().quoted()) {
            Token token = statement.statement().tokens().get(i);
            String name = token.identifier();
            List<String> risky = new ArrayList<>();
            RISKY.forEach((c, what) -> {
                if (name.indexOf(c) >= 0) {
                    risky.add(what);
                }
            });
            if (!risky.isEmpty()) {
                reporter.report(statement.statement(), token.offset(), "The name "
                        + IdentifierLimitsRule.preview(name) + " holds " + String.join(" and ", risky) + ".");
            }
        }
    }
}
