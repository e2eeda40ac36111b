package io.github.rsevolve.core.model;

import io.github.rsevolve.core.sql.SqlStatement;

/** Something a statement defines under a name: a schema, table, view or routine. */
public sealed interface SchemaObject permits Schema, Table, View, Routine {

    ObjectName name();

    /** The statement that defines it. */
    SqlStatement source();

    /** What kind of object this is, as users name it ("table", "view"...). */
    String kind();

    /** The same object with its name in the schema (for names created unqualified under a search_path). */
    SchemaObject inSchema(String schema);
}
