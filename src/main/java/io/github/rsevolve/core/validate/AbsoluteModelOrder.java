package io.github.rsevolve.core.validate;

import io.github.rsevolve.core.lint.Finding;
import io.github.rsevolve.core.lint.LintedScript;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.SchemaModel;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orders the absolute model's statements so they can run whatever the file layout: schemas, then tables, functions,
 * then tables-from-queries, views and materialized views in dependency order, then other statements in file order,
 * late-binding views, and grants and comments last. Dependency cycles are reported, not looped on.
 */
final class AbsoluteModelOrder {

    record Ordered(List<ParsedStatement> statements, List<Finding> problems) {
    }

    private AbsoluteModelOrder() {
    }

    static Ordered of(List<LintedScript> absolute) {
        List<ParsedStatement> all = absolute.stream().flatMap(s -> s.statements().stream()).toList();
        List<ParsedStatement> schemas = new ArrayList<>();
        List<ParsedStatement> relations = new ArrayList<>();
        List<ParsedStatement> routines = new ArrayList<>();
        List<ParsedStatement> others = new ArrayList<>();
        List<ParsedStatement> lateBinding = new ArrayList<>();
        List<ParsedStatement> grantsAndComments = new ArrayList<>();
        for (ParsedStatement statement : all) {
            switch (statement.kind()) {
                case CREATE_SCHEMA, CREATE_EXTERNAL_SCHEMA -> schemas.add(statement);
                case CREATE_TABLE, CREATE_TABLE_AS, CREATE_EXTERNAL_TABLE, CREATE_MATERIALIZED_VIEW -> relations
                        .add(statement);
                case CREATE_VIEW -> (((View) statement.definition()).lateBinding() ? lateBinding : relations)
                        .add(statement);
                case CREATE_FUNCTION, CREATE_PROCEDURE -> routines.add(statement);
                case GRANT, REVOKE, COMMENT -> grantsAndComments.add(statement);
                default -> others.add(statement);
            }
        }
        List<Finding> problems = new ArrayList<>();
        List<ParsedStatement> ordered = new ArrayList<>(schemas);
        ordered.addAll(routines);
        ordered.addAll(dependencyOrder(relations, problems));
        ordered.addAll(others);
        ordered.addAll(lateBinding);
        ordered.addAll(grantsAndComments);
        return new Ordered(ordered, problems);
    }

    /** Kahn's algorithm, keeping file order among statements that are free to run. */
    private static List<ParsedStatement> dependencyOrder(List<ParsedStatement> relations, List<Finding> problems) {
        Map<ObjectName, Integer> byName = new HashMap<>();
        Map<String, Integer> bySimpleName = new HashMap<>();
        for (int i = 0; i < relations.size(); i++) {
            ObjectName name = relations.get(i).target().orSchema(SchemaModel.DEFAULT_SCHEMA);
            byName.putIfAbsent(name, i);
            bySimpleName.putIfAbsent(name.name(), i);
        }
        Map<Integer, List<Integer>> dependents = new LinkedHashMap<>();
        int[] missing = new int[relations.size()];
        for (int i = 0; i < relations.size(); i++) {
            for (ObjectName reference : dependencies(relations.get(i))) {
                Integer on = reference.isQualified() ? byName.get(reference) : bySimpleName.get(reference.name());
                if (on != null && on != i) {
                    dependents.computeIfAbsent(on, k -> new ArrayList<>()).add(i);
                    missing[i]++;
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.naturalOrder());
        for (int i = 0; i < relations.size(); i++) {
            if (missing[i] == 0) {
                ready.add(i);
            }
        }
        List<ParsedStatement> ordered = new ArrayList<>();
        boolean[] done = new boolean[relations.size()];
        while (!ready.isEmpty()) {
            int next = ready.poll();
            done[next] = true;
            ordered.add(relations.get(next));
            for (int dependent : dependents.getOrDefault(next, List.of())) {
                if (--missing[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        List<ParsedStatement> cycle = new ArrayList<>();
        for (int i = 0; i < relations.size(); i++) {
            if (!done[i]) {
                cycle.add(relations.get(i));
            }
        }
        if (!cycle.isEmpty()) {
            String names = cycle.stream().map(s -> s.target().toString()).collect(Collectors.joining(", "));
            for (ParsedStatement statement : cycle) {
                problems.add(ValidateCheck.DEPENDENCY_CYCLE.at(statement.statement(),
                        statement.target() + " is part of a dependency cycle among " + names + "."));
            }
            ordered.addAll(cycle);
        }
        return ordered;
    }

    private static Set<ObjectName> dependencies(ParsedStatement statement) {
        if (statement.definition() instanceof Table table) {
            return table.references();
        }
        if (statement.definition() instanceof View view) {
            return view.references();
        }
        return Set.of();
    }
}
