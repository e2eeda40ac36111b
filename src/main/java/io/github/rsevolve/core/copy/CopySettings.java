package io.github.rsevolve.core.copy;

import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.migrate.Environment;
import java.util.List;

/**
 * What redshift:copy-data copies, from where to where.
 *
 * @param lint                 the project, for the changesets each environment lacks when their schemas differ
 * @param targetProtected      the target is marked protected (PRO): nothing is written without allowProtectedTarget
 * @param allowProtectedTarget write into a protected target all the same
 * @param batchRows            rows per batch read from the source and written to the target
 * @param staging              where UNLOAD and COPY stage the rows between two Redshift clusters, or null for JDBC
 */
public record CopySettings(LintSettings lint, Environment from, Environment to, List<CopyTable> tables,
                           boolean targetProtected, boolean allowProtectedTarget, int batchRows,
                           S3Staging staging) {
}
