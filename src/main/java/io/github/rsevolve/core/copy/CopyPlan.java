package io.github.rsevolve.core.copy;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the copy of one table reads and writes.
 *
 * @param table       schema.table as the catalogs name it
 * @param expressions each copied column to the expression the source reads it with (itself, or its mask)
 * @param numeric     numeric columns, copied unmasked, to "exact" or "float": the proof sums them
 * @param where       the filter on the source's rows in the source's SQL, or null
 * @param identity    a copied column is an IDENTITY column (Redshift's COPY then needs EXPLICIT_IDS)
 */
record CopyPlan(String table, Map<String, String> expressions, Map<String, String> numeric, String where,
                boolean identity) {

    /** Always quoted: a column may be named like a keyword (order, user), which only quotes make a name. */
    static String quoted(String identifier) {
        return RedshiftToPostgresTranslator.quote(identifier);
    }

    String quotedTable() {
        ObjectName name = ObjectName.parse(table);
        return quoted(name.schema()) + "." + quoted(name.name());
    }

    /** The copied columns, quoted, in the source's order. */
    String columnList() {
        return expressions.keySet().stream().map(CopyPlan::quoted).collect(Collectors.joining(", "));
    }

    /** The source's rows as they are copied: masks applied, filter applied. */
    String select() {
        return "SELECT " + String.join(", ", expressions.values()) + " FROM " + quotedTable()
                + (where == null ? "" : " WHERE " + where);
    }
}
