package io.github.rsevolve.core.graph;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.util.Collection;
import java.util.Set;

/** The dependency graph of the tables, views and materialized views a set of statements defines. */
public final class RelationGraph {

    private RelationGraph() {
    }

    /** The first definition of each name is its node; edges come from view queries, CTAS queries and LIKE. */
    public static DependencyGraph<ParsedStatement> of(Collection<ParsedStatement> statements) {
        DependencyGraph<ParsedStatement> graph = new DependencyGraph<>();
        statements.stream().filter(RelationGraph::isRelation).forEach(s -> graph.add(s.target(), s));
        statements.stream().filter(RelationGraph::isRelation)
                .filter(s -> graph.get(s.target()) == s)
                .forEach(s -> graph.dependsOn(s.target(), references(s)));
        return graph;
    }

    private static boolean isRelation(ParsedStatement statement) {
        return statement.definition() instanceof Table || statement.definition() instanceof View;
    }

    private static Set<ObjectName> references(ParsedStatement statement) {
        if (statement.definition() instanceof Table table) {
            return table.references();
        }
        return ((View) statement.definition()).references();
    }
}
