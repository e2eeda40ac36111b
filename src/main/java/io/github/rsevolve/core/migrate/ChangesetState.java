package io.github.rsevolve.core.migrate;

import org.flywaydb.core.api.MigrationState;

/**
 * One changeset's state in an environment.
 *
 * @param state       Flyway's state: PENDING, SUCCESS, FAILED, OUT_OF_ORDER, FUTURE_SUCCESS, IGNORED, ...
 * @param installedOn when it was applied, ISO-8601, or null
 */
public record ChangesetState(String version, String description, String script, MigrationState state,
                             String installedOn, Integer executionMillis) {
}
