package io.github.rsevolve.core.graph;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.NameIndex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which objects read which: nodes are schema-qualified names (unqualified ones in public), edges go from a view to
 * what it reads. References to names outside the graph are kept as unresolved; references resolve as
 * {@link NameIndex} resolves them.
 *
 * @param <T> what each node carries (a statement, an object)
 */
public final class DependencyGraph<T> {

    private final NameIndex<T> nodes = new NameIndex<>();
    private final Map<ObjectName, Integer> order = new HashMap<>();
    private final Map<ObjectName, Set<ObjectName>> dependencies = new HashMap<>();
    private final Map<ObjectName, Set<ObjectName>> dependents = new HashMap<>();
    private final Map<ObjectName, Set<ObjectName>> unresolved = new HashMap<>();

    /** Adds a node; the first of several nodes with one name wins. */
    public void add(ObjectName name, T value) {
        if (nodes.add(name, value)) {
            order.put(key(name), order.size());
        }
    }

    /** Adds the edges of a node once every node is in; call after all {@link #add}s. */
    public void dependsOn(ObjectName name, Collection<ObjectName> references) {
        ObjectName from = key(name);
        for (ObjectName reference : references) {
            ObjectName to = resolve(reference);
            if (to == null) {
                unresolved.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(reference);
            } else if (!to.equals(from)) {
                dependencies.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                dependents.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
            }
        }
    }

    public static ObjectName key(ObjectName name) {
        return NameIndex.key(name);
    }

    /** The node a reference means, or null. */
    public ObjectName resolve(ObjectName reference) {
        return nodes.resolve(reference);
    }

    public boolean contains(ObjectName name) {
        return nodes.contains(name);
    }

    public T get(ObjectName name) {
        return nodes.get(name);
    }

    public Set<ObjectName> names() {
        return nodes.names();
    }

    public Set<ObjectName> dependenciesOf(ObjectName name) {
        return dependencies.getOrDefault(key(name), Set.of());
    }

    /** The nodes that read this one directly. */
    public Set<ObjectName> dependentsOf(ObjectName name) {
        return dependents.getOrDefault(key(name), Set.of());
    }

    public Map<ObjectName, Set<ObjectName>> unresolved() {
        return unresolved;
    }

    /** Everything that reads the given nodes, directly or through other views, without the nodes themselves. */
    public Set<ObjectName> transitiveDependents(Collection<ObjectName> roots) {
        return transitiveDependents(roots, name -> true);
    }

    /**
     * Like {@link #transitiveDependents(Collection)}, but only through dependents that pass the filter: the others
     * are neither returned nor followed.
     */
    public Set<ObjectName> transitiveDependents(Collection<ObjectName> roots, Predicate<ObjectName> through) {
        Set<ObjectName> seen = new LinkedHashSet<>();
        Deque<ObjectName> queue = new ArrayDeque<>();
        for (ObjectName root : roots) {
            queue.add(key(root));
        }
        Set<ObjectName> rootKeys = new LinkedHashSet<>(queue);
        while (!queue.isEmpty()) {
            for (ObjectName dependent : dependents.getOrDefault(queue.poll(), Set.of())) {
                if (!rootKeys.contains(dependent) && through.test(dependent) && seen.add(dependent)) {
                    queue.add(dependent);
                }
            }
        }
        return seen;
    }

    /**
     * The nodes in an order where each comes after what it reads (Kahn's algorithm; among nodes free to come next,
     * the one added first). Nodes in a cycle come last, in the order added, and are listed in cycles.
     */
    public Ordering ordered(Collection<ObjectName> subset) {
        Set<ObjectName> members = new LinkedHashSet<>();
        subset.forEach(n -> members.add(key(n)));
        Map<ObjectName, Integer> missing = new HashMap<>();
        PriorityQueue<ObjectName> ready = new PriorityQueue<>((a, b) -> order.get(a) - order.get(b));
        for (ObjectName node : members) {
            int count = (int) dependenciesOf(node).stream().filter(members::contains).count();
            missing.put(node, count);
            if (count == 0) {
                ready.add(node);
            }
        }
        List<ObjectName> ordered = new ArrayList<>(members.size());
        while (!ready.isEmpty()) {
            ObjectName next = ready.poll();
            ordered.add(next);
            for (ObjectName dependent : dependents.getOrDefault(next, Set.of())) {
                if (members.contains(dependent) && missing.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        List<ObjectName> cycle = members.stream().filter(n -> missing.get(n) > 0).sorted(
                (a, b) -> order.get(a) - order.get(b)).toList();
        ordered.addAll(cycle);
        return new Ordering(ordered, cycle);
    }

    /** The nodes in dependency order, and those caught in a cycle (also at the end of the order). */
    public record Ordering(List<ObjectName> order, List<ObjectName> cycle) {
    }
}
