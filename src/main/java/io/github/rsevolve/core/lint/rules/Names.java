package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.model.ObjectName;
import java.util.Objects;
import java.util.List;

/** Comparing object names as a changeset means them. */
final class Names {

    private Names() {
    }

    /** Redshift and PostgreSQL system catalogs and views, which the model never defines. */
    private static final List<String> SYSTEM_PREFIXES = List.of("pg_", "stl_", "stv_", "svl_", "svv_", "sys_",
            "svcs_", "stcs_", "information_schema");

    /** Whether a schema or unqualified relation name is one of the system catalogs (docs: System tables). */
    static boolean isSystem(String name) {
        for (String prefix : SYSTEM_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a relation is a system table or view: by its schema, or by its name when unqualified. */
    static boolean isSystem(ObjectName relation) {
        return relation.schema() != null ? isSystem(relation.schema()) : isSystem(relation.name());
    }

    /** Same name, and same schema where both say one (an unqualified name may mean any schema). */
    static boolean same(ObjectName a, ObjectName b) {
        if (a == null || b == null || !a.name().equals(b.name())) {
            return false;
        }
        return a.schema() == null || b.schema() == null || Objects.equals(a.schema(), b.schema());
    }
}
