package io.github.rsevolve.core.model;

import io.github.rsevolve.core.sql.SqlStatement;
import java.util.Set;

/**
 * A view or materialized view.
 *
 * @param lateBinding  WITH NO SCHEMA BINDING: Redshift does not check or record its references (not in pg_depend)
 * @param autoRefresh  AUTO REFRESH YES/NO of a materialized view, or null
 * @param references   the tables and views its query reads (without CTE names)
 */
public record View(ObjectName name, boolean materialized, boolean lateBinding, boolean orReplace,
                   PhysicalAttributes physical, Boolean autoRefresh, String query, Set<ObjectName> references,
                   SqlStatement source) implements SchemaObject {

    @Override
    public String kind() {
        return materialized ? "materialized view" : "view";
    }

    @Override
    public View inSchema(String schema) {
        return new View(new ObjectName(schema, name.name()), materialized, lateBinding, orReplace, physical,
                autoRefresh, query, references, source);
    }
}
