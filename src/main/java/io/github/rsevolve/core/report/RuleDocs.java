package io.github.rsevolve.core.report;

import io.github.rsevolve.core.lint.Rule;
import io.github.rsevolve.core.lint.RuleCases;
import io.github.rsevolve.core.lint.RuleInfo;
import java.util.List;

/** Generates docs/rules.md from each rule's metadata and its Anti-pattern and Best practice examples. */
public final class RuleDocs {

    private RuleDocs() {
    }

    public static String markdown(List<Rule> rules) {
        StringBuilder out = new StringBuilder();
        out.append("# Lint rules\n\n")
                .append("Generated from the rule classes by `RuleDocsTest`; do not edit by hand.\n")
                .append("Switch a rule off or change its level with `-Dredshift.rules=<name>=off|info|warning|error`; ")
                .append("suppress one statement with `-- redshift:lint ignore <name> <reason>`.\n\n")
                .append("| id | name | severity | summary |\n|---|---|---|---|\n");
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            out.append("| ").append(info.id()).append(" | [").append(info.name()).append("](#")
                    .append(info.name()).append(") | ").append(info.severity().label()).append(" | ")
                    .append(escape(info.summary()).replace("|", "\\|")).append(" |\n");
        }
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            out.append("\n## ").append(info.name()).append("\n\n")
                    .append("`").append(info.id()).append("`, default severity **").append(info.severity().label())
                    .append("**. ").append(escape(info.summary())).append("\n\n")
                    .append("**Why:** ").append(escape(info.why())).append("\n\n")
                    .append("**Fix:** ").append(escape(info.fix())).append("\n");
            for (RuleCases.Case example : RuleCases.of(rule)) {
                String title = switch (example.name()) {
                    case "bad" -> "Anti-pattern";
                    case "good" -> "Best practice";
                    default -> null;
                };
                if (title == null) {
                    continue;
                }
                out.append("\n**").append(title).append("**\n");
                for (RuleCases.CaseFile file : example.files()) {
                    out.append("\n`").append(file.path()).append("`\n\n```sql\n").append(file.sql()).append("\n```\n");
                }
            }
        }
        return out.toString();
    }

    /** Markdown would take {@code <version>} for an HTML tag. */
    private static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;");
    }
}
