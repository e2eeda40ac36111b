package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.model.ObjectName;
import java.util.Objects;

/** Comparing object names as a changeset means them. */
final class Names {

    private Names() {
    }

    /** Same name, and same schema where both say one (an unqualified name may mean any schema). */
    static boolean same(ObjectName a, ObjectName b) {
        if (a == null || b == null || !a.name().equals(b.name())) {
            return false;
        }
        return a.schema() == null || b.schema() == null || Objects.equals(a.schema(), b.schema());
    }
}
