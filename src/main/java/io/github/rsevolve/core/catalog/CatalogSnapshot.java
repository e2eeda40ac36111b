package io.github.rsevolve.core.catalog;

import java.util.Map;
import java.util.SortedMap;

/**
 * What a database's catalog says, as comparable facts: each object (e.g. "column dw.orders.discount") with its
 * properties (e.g. type = numeric(8,2)).
 *
 * @param objects object description to its properties, both sorted
 */
public record CatalogSnapshot(SortedMap<String, SortedMap<String, String>> objects) {

    public Map<String, String> properties(String object) {
        return objects.get(object);
    }
}
