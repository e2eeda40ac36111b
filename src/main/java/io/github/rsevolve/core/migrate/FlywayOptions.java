package io.github.rsevolve.core.migrate;

import java.util.List;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The Flyway options deploys take, with Flyway's own meaning, passed to Flyway's configuration as they are.
 *
 * @param target                  the version to migrate up to ("latest", "current" or a version); null: latest
 * @param outOfOrder              apply a pending changeset older than the newest applied one
 * @param baselineOnMigrate       baseline a non-empty database without a history table, at baselineVersion
 * @param baselineVersion         the version baselineOnMigrate records
 * @param validateOnMigrate       validate the applied changesets (checksums, names) before migrating
 * @param ignoreMigrationPatterns states validation passes over, as type:status ("*:missing"); empty: Flyway's default
 */
public record FlywayOptions(String target, boolean outOfOrder, boolean baselineOnMigrate, String baselineVersion,
                            boolean validateOnMigrate, List<String> ignoreMigrationPatterns) {

    /** Flyway's defaults. */
    public static final FlywayOptions DEFAULTS = new FlywayOptions(null, false, false, "1", true, List.of());

    FluentConfiguration applyTo(FluentConfiguration configuration) {
        if (target != null && !target.isBlank()) {
            configuration.target(target.trim());
        }
        if (!ignoreMigrationPatterns.isEmpty()) {
            configuration.ignoreMigrationPatterns(ignoreMigrationPatterns.toArray(String[]::new));
        }
        return configuration.outOfOrder(outOfOrder).baselineOnMigrate(baselineOnMigrate)
                .baselineVersion(baselineVersion).validateOnMigrate(validateOnMigrate);
    }
}
