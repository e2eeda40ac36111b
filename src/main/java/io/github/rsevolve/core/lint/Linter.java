package io.github.rsevolve.core.lint;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.rules.BuiltInRules;
import io.github.rsevolve.core.lint.rules.Reporter;
import io.github.rsevolve.core.lint.rules.Rule;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.project.Script;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Runs lint: reads and parses the three folders (files in parallel), builds the model, runs every enabled rule. */
public final class Linter {

    private Linter() {
    }

    /** Every built-in rule, ordered by id. */
    public static List<Rule> rules() {
        Map<String, Rule> byId = new TreeMap<>();
        for (Rule rule : BuiltInRules.all()) {
            Rule other = byId.put(rule.info().id(), rule);
            if (other != null) {
                throw new IllegalStateException(rule.getClass() + " has the id of " + other.getClass());
            }
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Reads, parses and checks the three folders. Each file's statements are checked by the statement rules in the
     * worker that parsed it, so the rules share the parse's threads; the project and changeset rules follow.
     */
    public static LintResult run(LintSettings settings) {
        long start = System.nanoTime();
        Map<Rule, Severity> enabled = levels(rules(), settings.ruleLevels());
        List<Finding> findings = new ArrayList<>();
        Project project = ProjectLoader.load(settings.project(), settings.queryDepth(),
                script -> checkStatements(enabled, script, findings));
        return check(project, enabled, findings, start);
    }

    /** Runs every enabled rule over a loaded project. */
    public static LintResult check(Project project, LintSettings settings) {
        return checker(project, settings).get();
    }

    /**
     * Every enabled rule over a loaded project, to run later or on another thread; the settings are checked now,
     * so a settings error is reported before any other work.
     */
    public static Supplier<LintResult> checker(Project project, LintSettings settings) {
        Map<Rule, Severity> enabled = levels(rules(), settings.ruleLevels());
        return () -> {
            long start = System.nanoTime();
            List<Finding> findings = new ArrayList<>();
            for (Script script : project.scripts()) {
                checkStatements(enabled, script, findings);
            }
            return check(project, enabled, findings, start);
        };
    }

    /**
     * The statement rules over one file's statements, a statement at a time; thread-safe (the reporters share a
     * synchronized sink).
     */
    private static void checkStatements(Map<Rule, Severity> enabled, Script script, List<Finding> findings) {
        Rule[] rules = new Rule[enabled.size()];
        Reporter[] reporters = new Reporter[rules.length];
        int r = 0;
        for (Map.Entry<Rule, Severity> entry : enabled.entrySet()) {
            rules[r] = entry.getKey();
            reporters[r++] = new Reporter(entry.getKey().info(), entry.getValue(), findings);
        }
        for (ParsedStatement statement : script.statements()) {
            for (int i = 0; i < rules.length; i++) {
                rules[i].checkStatement(script.origin(), statement, reporters[i]);
            }
            // Its word index served the statement rules; kept, a project's indexes would weigh as much as its tokens.
            statement.statement().words().forget();
        }
    }

    /** The project and changeset rules, after the statement rules have reported into 'findings'. */
    private static LintResult check(Project project, Map<Rule, Severity> enabled, List<Finding> findings,
                                    long start) {
        for (Map.Entry<Rule, Severity> entry : enabled.entrySet()) {
            Rule rule = entry.getKey();
            Reporter reporter = new Reporter(rule.info(), entry.getValue(), findings);
            rule.checkProject(project, reporter);
            for (Changeset changeset : project.changesets()) {
                rule.checkChangeset(changeset, reporter);
            }
        }
        List<Script> all = project.scripts();
        Collections.sort(findings);
        int statements = 0;
        for (Script script : all) {
            statements += script.statements().size();
        }
        return new LintResult(List.copyOf(findings), all.size(), statements, (System.nanoTime() - start) / 1_000_000);
    }

    /** The severity of each enabled rule, after the user's levels; unknown rule names are a settings error. */
    private static Map<Rule, Severity> levels(List<Rule> rules, Map<String, Optional<Severity>> configured) {
        for (String name : configured.keySet()) {
            boolean known = rules.stream().anyMatch(r -> r.info().name().equals(name)
                    || r.info().id().equalsIgnoreCase(name));
            if (!known) {
                throw new RedshiftException(SETTINGS, "redshift.rules: there is no rule '" + name + "'. Rules: "
                        + rules.stream().map(r -> r.info().name()).collect(Collectors.joining(", ")) + ".");
            }
        }
        Map<Rule, Severity> enabled = new LinkedHashMap<>();
        for (Rule rule : rules) {
            Optional<Severity> level = configured.getOrDefault(rule.info().name(),
                    configured.getOrDefault(rule.info().id().toUpperCase(Locale.ROOT),
                            configured.getOrDefault(rule.info().id().toLowerCase(Locale.ROOT),
                                    Optional.of(rule.info().severity()))));
            if (level.isPresent()) {
                enabled.put(rule, level.get());
            }
        }
        return enabled;
    }
}
