package io.github.rsevolve.core.catalog;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * What a database's catalog says, as comparable facts: each object (e.g. the column dw.orders.discount) with its
 * properties (e.g. type = numeric(8,2)).
 *
 * @param objects        object to its properties, both sorted
 * @param unread         properties this catalog cannot tell (a cluster's BACKUP without superuser rights): not compared
 * @param chosenByServer properties the server sets itself where the model names none (a cluster's encodings):
 *                       compared only where the other catalog has them
 */
public record CatalogSnapshot(SortedMap<CatalogKey, SortedMap<String, String>> objects, Set<String> unread,
                              Set<String> chosenByServer) {

    public CatalogSnapshot {
        unread = Set.copyOf(unread);
        chosenByServer = Set.copyOf(chosenByServer);
    }

    /** A catalog that tells every property it has. */
    public CatalogSnapshot(SortedMap<CatalogKey, SortedMap<String, String>> objects) {
        this(objects, Set.of(), Set.of());
    }

    public Map<String, String> properties(CatalogKey object) {
        return objects.get(object);
    }

    /** Whether a difference in this property, which the other catalog has as {@code theirs}, counts. */
    boolean compares(String property, String mine, String theirs) {
        return !unread.contains(property) && !(mine != null && theirs == null && chosenByServer.contains(property));
    }
}
