package io.github.rsevolve.core.translate;

import java.util.List;

/**
 * What one Redshift statement becomes on PostgreSQL.
 *
 * @param sql         the PostgreSQL statements to run, in order; empty when skipped
 * @param skipped     why the statement is not run (a Redshift-only statement), or null
 * @param lateBinding a late-binding view: Redshift accepts it over missing objects, so it runs after everything else
 *                    and a failure is a warning
 */
public record Translation(List<String> sql, String skipped, boolean lateBinding) {

    static Translation run(List<String> sql) {
        return new Translation(List.copyOf(sql), null, false);
    }

    static Translation run(String sql) {
        return new Translation(List.of(sql), null, false);
    }

    static Translation skip(String reason) {
        return new Translation(List.of(), reason, false);
    }

    public boolean isSkipped() {
        return skipped != null;
    }
}
