package io.github.rsevolve.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a set of statements defines, by name, with every repeated definition kept so it can be reported.
 * Unqualified names are stored under {@code public}, where Redshift creates them by default.
 */
public final class SchemaModel {

    public static final String DEFAULT_SCHEMA = "public";

    private final Map<ObjectName, SchemaObject> objects = new LinkedHashMap<>();
    private final List<SchemaObject[]> duplicates = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();

    /** Adds an object; a second definition of the same kind and name is kept as a duplicate. */
    public void add(SchemaObject object) {
        ObjectName key = key(object);
        SchemaObject previous = objects.get(key);
        if (previous != null && !(object instanceof Routine)) {
            // Functions and procedures may be overloaded, so only tables, views and schemas are duplicates. A
            // schema created IF NOT EXISTS in many files is one schema (docs: CREATE SCHEMA, IF NOT EXISTS).
            if (!(object instanceof Schema schema && schema.ifNotExists())) {
                duplicates.add(new SchemaObject[] {previous, object});
            }
            return;
        }
        objects.putIfAbsent(key, object);
    }

    public void addGrant(Grant grant) {
        grants.add(grant);
    }

    public void addComment(Comment comment) {
        comments.add(comment);
    }

    private static ObjectName key(SchemaObject object) {
        return object instanceof Schema ? object.name() : object.name().orSchema(DEFAULT_SCHEMA);
    }

    public Collection<SchemaObject> objects() {
        return objects.values();
    }

    /** Pairs of (first definition, repeated definition). */
    public List<SchemaObject[]> duplicates() {
        return duplicates;
    }

    public List<Grant> grants() {
        return grants;
    }

    public List<Comment> comments() {
        return comments;
    }

}
