package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.graph.DependencyGraph;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.util.Set;

/**
 * A generated changeset.
 *
 * @param fileName    the changeset's file name, numbered after the existing ones
 * @param sql         its text
 * @param changed     the objects named by the user
 * @param recreated   the views dropped and created again
 * @param graph       the dependency graph of the absolute model, for the pictures
 */
public record Regeneration(String fileName, String sql, Set<ObjectName> changed, Set<ObjectName> recreated,
                           DependencyGraph<ParsedStatement> graph) {
}
