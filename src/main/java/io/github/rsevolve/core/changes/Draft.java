package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.finding.Finding;
import java.util.List;

/**
 * The changesets redshift:diff drafts, in the order they run.
 *
 * @param files    each changeset's file name and text; empty when the two schemas already agree
 * @param findings steps held back or left to the author, located in the draft
 * @param changes  how many changes the draft makes or lists
 */
public record Draft(List<File> files, List<Finding> findings, int changes) {

    /** One drafted changeset. */
    public record File(String fileName, String sql) {
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
