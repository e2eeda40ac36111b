package io.github.rsevolve.core.model;

import java.util.List;

/**
 * How Redshift stores a table or materialized view. Each field is null (or empty) when the DDL does not say, which
 * means Redshift's default (AUTO).
 *
 * @param distStyle   AUTO, EVEN, KEY or ALL
 * @param distKey     the distribution key column
 * @param sortStyle   COMPOUND, INTERLEAVED or AUTO; COMPOUND when SORTKEY is given without a style
 * @param sortKeys    the sort key columns in order
 * @param backup      BACKUP YES (true) or NO (false)
 * @param encodeAuto  ENCODE AUTO at table level
 */
public record PhysicalAttributes(String distStyle, String distKey, String sortStyle, List<String> sortKeys,
                                 Boolean backup, boolean encodeAuto) {

    public static final PhysicalAttributes NONE = new PhysicalAttributes(null, null, null, List.of(), null, false);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
