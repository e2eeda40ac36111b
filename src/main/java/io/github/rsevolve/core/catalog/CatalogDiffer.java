package io.github.rsevolve.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Compares the catalog the absolute model builds with the one the changesets build. */
public final class CatalogDiffer {

    /**
     * One difference.
     *
     * @param object   the object, e.g. the column dw.orders.discount
     * @param property the property that differs, or null when the object exists on one side only
     * @param model    the value in the absolute model's build, or null
     * @param changes  the value after the changesets, or null
     */
    public record Drift(CatalogKey object, String property, String model, String changes) {

        /** Whether the object exists in only one of the two builds. */
        public boolean isMissing() {
            return property == null;
        }
    }

    private CatalogDiffer() {
    }

    public static List<Drift> diff(CatalogSnapshot model, CatalogSnapshot changes) {
        List<Drift> drift = new ArrayList<>();
        Set<CatalogKey> objects = new TreeSet<>(model.objects().keySet());
        objects.addAll(changes.objects().keySet());
        for (CatalogKey object : objects) {
            Map<String, String> left = model.properties(object);
            Map<String, String> right = changes.properties(object);
            if (left == null || right == null) {
                drift.add(new Drift(object, null, left == null ? null : "present", right == null ? null : "present"));
                continue;
            }
            Set<String> properties = new TreeSet<>(left.keySet());
            properties.addAll(right.keySet());
            for (String property : properties) {
                String wanted = left.get(property);
                String found = right.get(property);
                if (!Objects.equals(wanted, found) && model.compares(property, wanted, found)
                        && changes.compares(property, found, wanted)) {
                    drift.add(new Drift(object, property, wanted, found));
                }
            }
        }
        return drift;
    }
}
