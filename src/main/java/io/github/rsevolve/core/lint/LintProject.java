package io.github.rsevolve.core.lint;

import io.github.rsevolve.core.model.SchemaModel;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything lint reads, parsed: the absolute model's files and the model they define, the changesets in the order
 * Flyway applies them, the ETL files, and the configured folders that exist but hold no SQL.
 */
public record LintProject(List<LintedScript> absolute, List<Changeset> changesets, List<LintedScript> etl,
                          SchemaModel absoluteModel, List<Path> emptyFolders, Path baseDir) {
}
