package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.validate.ValidateSettings;
import java.nio.file.Path;

/**
 * What redshift:diff compares and how it writes the draft.
 *
 * @param throwaway        the throwaway databases' settings, with the project's folders
 * @param environment      the live environment to compare with the absolute model, or null for the changesets' build
 * @param description      the drafted changesets' description
 * @param allowDestructive write DROP TABLE / COLUMN / SCHEMA and REVOKE as statements, not comments
 * @param dryRun           check the draft in a temporary copy of the incremental folder instead of writing it there
 * @param check            run validate with the draft to tell whether model and changesets then match
 * @param scratch          a folder of its own for a dry run's copy of the incremental folder, emptied first
 */
public record DiffSettings(ValidateSettings throwaway, Environment environment, String description,
                           boolean allowDestructive, boolean dryRun, boolean check, Path scratch) {
}
