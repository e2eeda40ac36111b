package io.github.rsevolve.core.report;

import io.github.rsevolve.core.graph.DependencyGraph;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the dependency graph as Graphviz DOT and as Mermaid, with the changed objects and the views they force to
 * be recreated highlighted, so a reviewer sees what a change touches. By default only that neighbourhood is drawn
 * (the changed and recreated objects, what each reads and what reads it): the whole of a large model is a picture
 * nobody can read, and writing it costs more than the regeneration.
 */
public final class GraphPictures {

    /** How much of the graph is drawn. */
    public enum Scope {
        /** The changed and recreated objects with their direct dependencies and dependents. */
        NEIGHBOURHOOD,
        /** Every object of the model. */
        ALL
    }

    private static final String CHANGED_COLOUR = "#f4a6a6";
    private static final String RECREATED_COLOUR = "#fbd38d";

    private GraphPictures() {
    }

    public static void write(DependencyGraph<ParsedStatement> graph, Set<ObjectName> changed,
                             Set<ObjectName> recreated, Scope scope, Path folder) throws IOException {
        Set<ObjectName> drawn = drawn(graph, changed, recreated, scope);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("dependencies.dot"), dot(graph, drawn, changed, recreated, scope));
        Files.writeString(folder.resolve("dependencies.mmd"), mermaid(graph, drawn, changed, recreated, scope));
    }

    /** The objects drawn, in the graph's order. */
    static Set<ObjectName> drawn(DependencyGraph<ParsedStatement> graph, Set<ObjectName> changed,
                                 Set<ObjectName> recreated, Scope scope) {
        if (scope == Scope.ALL) {
            return graph.names();
        }
        Set<ObjectName> near = new LinkedHashSet<>();
        for (Set<ObjectName> marked : List.of(changed, recreated)) {
            for (ObjectName name : marked) {
                ObjectName node = graph.resolve(name);
                if (node != null) {
                    near.add(node);
                    near.addAll(graph.dependenciesOf(node));
                    near.addAll(graph.dependentsOf(node));
                }
            }
        }
        Set<ObjectName> drawn = new LinkedHashSet<>();
        for (ObjectName name : graph.names()) {
            if (near.contains(name)) {
                drawn.add(name);
            }
        }
        return drawn;
    }

    static String dot(DependencyGraph<ParsedStatement> graph, Set<ObjectName> drawn, Set<ObjectName> changed,
                      Set<ObjectName> recreated, Scope scope) {
        StringBuilder out = new StringBuilder("digraph dependencies {\n  rankdir=LR;\n  node [shape=box];\n");
        leftOut(scope, out, "  // ");
        for (ObjectName name : drawn) {
            String style = changed.contains(name) ? ", style=filled, fillcolor=\"" + CHANGED_COLOUR + "\""
                    : recreated.contains(name) ? ", style=filled, fillcolor=\"" + RECREATED_COLOUR + "\"" : "";
            String shape = isView(graph, name) ? ", shape=ellipse" : "";
            out.append("  ").append(dotId(name)).append(" [label=").append(dotId(name)).append(shape)
                    .append(style).append("];\n");
        }
        for (ObjectName name : drawn) {
            for (ObjectName dependency : graph.dependenciesOf(name)) {
                if (drawn.contains(dependency)) {
                    out.append("  ").append(dotId(dependency)).append(" -> ").append(dotId(name)).append(";\n");
                }
            }
        }
        return out.append("  subgraph cluster_legend {\n    label=\"legend: an arrow points from what is read to")
                .append(" what reads it\";\n")
                .append("    legend_changed [label=\"changed\", style=filled, fillcolor=\"").append(CHANGED_COLOUR)
                .append("\"];\n")
                .append("    legend_recreated [label=\"dropped and created again\", style=filled, fillcolor=\"")
                .append(RECREATED_COLOUR).append("\"];\n")
                .append("    legend_table [label=\"table\"];\n    legend_view [label=\"view\", shape=ellipse];\n")
                .append("  }\n}\n").toString();
    }

    static String mermaid(DependencyGraph<ParsedStatement> graph, Set<ObjectName> drawn, Set<ObjectName> changed,
                          Set<ObjectName> recreated, Scope scope) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        leftOut(scope, out, "  %% ");
        Map<ObjectName, String> ids = new HashMap<>();
        for (ObjectName name : drawn) {
            String id = "n" + ids.size();
            ids.put(name, id);
            // Mermaid writes a double quote inside a label as an entity.
            out.append("  ").append(id).append(isView(graph, name) ? "([\"" : "[\"")
                    .append(name.toString().replace("\"", "#quot;")).append(isView(graph, name) ? "\"])" : "\"]")
                    .append('\n');
        }
        for (ObjectName name : drawn) {
            for (ObjectName dependency : graph.dependenciesOf(name)) {
                if (ids.containsKey(dependency)) {
                    out.append("  ").append(ids.get(dependency)).append(" --> ").append(ids.get(name)).append('\n');
                }
            }
        }
        out.append("  classDef changed fill:").append(CHANGED_COLOUR).append('\n')
                .append("  classDef recreated fill:").append(RECREATED_COLOUR).append('\n');
        changed.stream().filter(ids::containsKey)
                .forEach(n -> out.append("  class ").append(ids.get(n)).append(" changed\n"));
        recreated.stream().filter(ids::containsKey)
                .forEach(n -> out.append("  class ").append(ids.get(n)).append(" recreated\n"));
        return out.append("  subgraph legend [\"legend: an arrow points from what is read to what reads it\"]\n")
                .append("    legend_changed[\"changed\"]:::changed\n")
                .append("    legend_recreated[\"dropped and created again\"]:::recreated\n")
                .append("    legend_table[\"table\"]\n    legend_view([\"view\"])\n  end\n").toString();
    }

    /**
     * A comment saying that the picture leaves objects out, and how to draw them. It does not count them: for named
     * objects regenerate reads only the part of the model that can reach them.
     */
    private static void leftOut(Scope scope, StringBuilder out, String comment) {
        if (scope == Scope.NEIGHBOURHOOD) {
            out.append(comment).append("Only the changed objects' neighbourhood is drawn; ")
                    .append("-Dredshift.pictures=all draws every object.\n");
        }
    }

    /** A DOT quoted ID: a name with a double quote or a backslash ("a""b", dots included) stays one node. */
    private static String dotId(ObjectName name) {
        return "\"" + name.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isView(DependencyGraph<ParsedStatement> graph, ObjectName name) {
        return graph.get(name).definition() instanceof View;
    }
}
