package io.github.rsevolve.core.model;

import java.util.List;

/**
 * A table-level constraint. Redshift accepts PRIMARY KEY, UNIQUE and FOREIGN KEY but does not enforce them.
 *
 * @param name       the CONSTRAINT name, or null
 * @param references the referenced table of a FOREIGN KEY, or null
 * @param offset     character offset in the file
 */
public record TableConstraint(Type type, String name, List<String> columns, ObjectName references, int offset) {

    public enum Type { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK }
}
