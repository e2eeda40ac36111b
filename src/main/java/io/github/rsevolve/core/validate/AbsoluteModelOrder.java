package io.github.rsevolve.core.validate;

import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.graph.DependencyGraph;
import io.github.rsevolve.core.graph.RelationGraph;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Script;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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

    static Ordered of(List<Script> absolute) {
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

    /** Dependency order, keeping file order among statements that are free to run. */
    private static List<ParsedStatement> dependencyOrder(List<ParsedStatement> relations, List<Finding> problems) {
        DependencyGraph<ParsedStatement> graph = RelationGraph.of(relations);
        DependencyGraph.Ordering ordering = graph.ordered(graph.names());
        if (!ordering.cycle().isEmpty()) {
            String names = ordering.cycle().stream().map(ObjectName::toString).collect(Collectors.joining(", "));
            for (ObjectName name : ordering.cycle()) {
                problems.add(DatabaseCheck.DEPENDENCY_CYCLE.at(graph.get(name).statement(),
                        name + " is part of a dependency cycle among " + names + "."));
            }
        }
        List<ParsedStatement> ordered = new ArrayList<>(ordering.order().stream().map(graph::get).toList());
        // Statements that are no node of their own (a second definition of a name, which lint reports; external
        // tables) run after the graph, in file order.
        Set<ParsedStatement> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        placed.addAll(ordered);
        relations.stream().filter(s -> !placed.contains(s)).forEach(ordered::add);
        return ordered;
    }
}
