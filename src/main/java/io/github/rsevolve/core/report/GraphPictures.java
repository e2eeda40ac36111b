package io.github.rsevolve.core.report;

import io.github.rsevolve.core.graph.DependencyGraph;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes the dependency graph as Graphviz DOT and as Mermaid, with the changed objects and the views they force to
 * be recreated highlighted, so a reviewer sees what a change touches.
 */
public final class GraphPictures {

    private GraphPictures() {
    }

    public static void write(DependencyGraph<ParsedStatement> graph, Set<ObjectName> changed,
                             Set<ObjectName> recreated, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("dependencies.dot"), dot(graph, changed, recreated));
        Files.writeString(folder.resolve("dependencies.mmd"), mermaid(graph, changed, recreated));
    }

    static String dot(DependencyGraph<ParsedStatement> graph, Set<ObjectName> changed, Set<ObjectName> recreated) {
        StringBuilder out = new StringBuilder("digraph dependencies {\n  rankdir=LR;\n  node [shape=box];\n");
        for (ObjectName name : graph.names()) {
            String style = changed.contains(name) ? ", style=filled, fillcolor=\"#f4a6a6\""
                    : recreated.contains(name) ? ", style=filled, fillcolor=\"#fbd38d\"" : "";
            String shape = isView(graph, name) ? ", shape=ellipse" : "";
            out.append("  ").append(dotId(name)).append(" [label=").append(dotId(name)).append(shape)
                    .append(style).append("];\n");
        }
        for (ObjectName name : graph.names()) {
            for (ObjectName dependency : graph.dependenciesOf(name)) {
                out.append("  ").append(dotId(dependency)).append(" -> ").append(dotId(name)).append(";\n");
            }
        }
        return out.append("}\n").toString();
    }

    static String mermaid(DependencyGraph<ParsedStatement> graph, Set<ObjectName> changed,
                          Set<ObjectName> recreated) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<ObjectName, String> ids = new HashMap<>();
        for (ObjectName name : graph.names()) {
            String id = "n" + ids.size();
            ids.put(name, id);
            // Mermaid writes a double quote inside a label as an entity.
            out.append("  ").append(id).append(isView(graph, name) ? "([\"" : "[\"")
                    .append(name.toString().replace("\"", "#quot;")).append(isView(graph, name) ? "\"])" : "\"]")
                    .append('\n');
        }
        for (ObjectName name : graph.names()) {
            for (ObjectName dependency : graph.dependenciesOf(name)) {
                out.append("  ").append(ids.get(dependency)).append(" --> ").append(ids.get(name)).append('\n');
            }
        }
        out.append("  classDef changed fill:#f4a6a6\n  classDef recreated fill:#fbd38d\n");
        changed.stream().filter(ids::containsKey)
                .forEach(n -> out.append("  class ").append(ids.get(n)).append(" changed\n"));
        recreated.stream().filter(ids::containsKey)
                .forEach(n -> out.append("  class ").append(ids.get(n)).append(" recreated\n"));
        return out.toString();
    }

    /** A DOT quoted ID: a name with a double quote or a backslash ("a""b", dots included) stays one node. */
    private static String dotId(ObjectName name) {
        return "\"" + name.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isView(DependencyGraph<ParsedStatement> graph, ObjectName name) {
        return graph.get(name).definition() instanceof View;
    }
}
