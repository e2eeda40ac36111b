package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.validate.ValidateResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What redshift:diff did.
 *
 * @param problems errors that stopped it before a draft (a build of the model or the changesets failed)
 * @param draft    the drafted changesets, or null when stopped
 * @param written  where the changesets were written; in a temporary folder for a dry run
 * @param check    validate's result with the draft, or null when not checked
 * @param pending  changesets the environment has not applied yet; 0 without an environment
 */
public record DiffResult(List<Finding> problems, Draft draft, List<Path> written, ValidateResult check, int pending) {

    /** Whether validate found the absolute model and the changesets, with the draft, in agreement. */
    public boolean matches() {
        return check != null && check.drift().isEmpty() && !check.hasAtLeast(Severity.ERROR);
    }
}
