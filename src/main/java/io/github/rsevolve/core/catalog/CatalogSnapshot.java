package io.github.rsevolve.core.catalog;

import java.util.Map;
import java.util.SortedMap;

/**
 * What a database's catalog says, as comparable facts: each object (e.g. the column dw.orders.discount) with its
 * properties (e.g. type = numeric(8,2)).
 *
 * @param objects object to its properties, both sorted
 */
public record CatalogSnapshot(SortedMap<CatalogKey, SortedMap<String, String>> objects) {

    public Map<String, String> properties(CatalogKey object) {
        return objects.get(object);
    }
}
