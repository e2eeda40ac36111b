package io.github.rsevolve.core.copy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What to copy of one table, or of every table a pattern names.
 *
 * @param pattern  schema.table, or a pattern with * such as dw.* or dw.fact_*
 * @param where    a Redshift SQL condition on the source's rows (the same filter applies to the proof), or null
 * @param excluded sensitive columns never copied: the target keeps its default (NULL) there
 * @param masked   sensitive columns copied as an SQL expression over the source's row, e.g. MD5(email)
 */
public record CopyTable(String pattern, String where, List<String> excluded, Map<String, String> masked) {

    public CopyTable {
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        masked = masked == null ? Map.of() : Map.copyOf(masked);
    }

    /** Whether the pattern names this schema-qualified table (* matches any run of characters). */
    public boolean matches(String schema, String table) {
        String regex = Arrays.stream(pattern.trim().toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(Pattern::quote).collect(Collectors.joining(".*"));
        return (schema + "." + table).toLowerCase(Locale.ROOT).matches(regex);
    }
}
