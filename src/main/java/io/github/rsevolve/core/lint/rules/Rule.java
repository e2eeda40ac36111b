package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.CheckInfo;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.project.Project;

/**
 * A lint rule: one small class annotated with {@link RuleInfo} and listed in
 * {@link io.github.rsevolve.core.lint.rules.BuiltInRules}.
 * A rule overrides the hooks for the scope it looks at; rules keep no state between calls.
 */
public interface Rule {

    /** Every statement of every file. */
    default void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
    }

    /** Every file of the incremental folder, with its statements in order. */
    default void checkChangeset(Changeset changeset, Reporter reporter) {
    }

    /** The whole project once: the absolute model, the ordered changesets and the ETL files. */
    default void checkProject(Project project, Reporter reporter) {
    }

    default RuleInfo info() {
        return getClass().getAnnotation(RuleInfo.class);
    }

    /** The rule's metadata in the shape every check shares. */
    default CheckInfo check() {
        RuleInfo rule = info();
        return new CheckInfo(rule.id(), rule.name(), rule.severity(), rule.summary(), rule.why(), rule.fix());
    }
}
