package io.github.rsevolve.core.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Objects by name, found as Redshift finds a name (docs: search_path): a qualified name in its schema; an unqualified
 * one in public, else in whichever schema holds an object of that name, since a file may have set its search_path to
 * that schema. An object defined without a schema is kept under public. The one place names are resolved, so the
 * graph, the lint rules and the catalog agree on what a reference means.
 *
 * @param <T> what each name carries
 */
public final class NameIndex<T> {

    private final Map<ObjectName, T> byName = new LinkedHashMap<>();
    private final Map<String, ObjectName> bySimpleName = new HashMap<>();

    /** The name an object defined as {@code name} has: its schema, or public. */
    public static ObjectName key(ObjectName name) {
        return name.orSchema(SchemaModel.DEFAULT_SCHEMA);
    }

    /** Adds an object; the first of several with one name wins. Returns whether it was added. */
    public boolean add(ObjectName name, T value) {
        ObjectName key = key(name);
        if (byName.putIfAbsent(key, value) != null) {
            return false;
        }
        bySimpleName.putIfAbsent(key.name(), key);
        return true;
    }

    /** The name a reference means, or null when no object has it. */
    public ObjectName resolve(ObjectName reference) {
        if (reference.isQualified()) {
            return byName.containsKey(reference) ? reference : null;
        }
        ObjectName inPublic = key(reference);
        return byName.containsKey(inPublic) ? inPublic : bySimpleName.get(reference.name());
    }

    public boolean contains(ObjectName reference) {
        return resolve(reference) != null;
    }

    /** What the object a reference means carries, or null. */
    public T get(ObjectName reference) {
        ObjectName resolved = resolve(reference);
        return resolved == null ? null : byName.get(resolved);
    }

    /** The names in the order they were added. */
    public Set<ObjectName> names() {
        return byName.keySet();
    }

    public Collection<T> values() {
        return byName.values();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }
}
