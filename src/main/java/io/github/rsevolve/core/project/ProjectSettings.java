package io.github.rsevolve.core.project;

import io.github.rsevolve.core.parse.ParseDepth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a project's SQL is and how it is read.
 *
 * @param parseTimeoutMillis bound on parsing one statement
 * @param maxFileBytes files larger than this are reported, not read
 * @param threads how many files are parsed at once
 * @param moreIncrementalDirs further folders of changesets, as Flyway's several locations; new changesets are
 *                            drafted into incrementalDir
 * @param queryDepth how deep queries are parsed: from their tokens (the default), or also through JSqlParser's
 *                   grammar (redshift.parseQueries)
 */
public record ProjectSettings(Path baseDir, Path absoluteDir, Path incrementalDir, Path etlDir,
                              long parseTimeoutMillis, long maxFileBytes, int threads, List<Path> moreIncrementalDirs,
                              ParseDepth queryDepth) {

    public ProjectSettings {
        moreIncrementalDirs = List.copyOf(moreIncrementalDirs);
    }

    /** Every folder of changesets, the incremental folder first. */
    public List<Path> incrementalDirs() {
        List<Path> folders = new ArrayList<>(List.of(incrementalDir));
        folders.addAll(moreIncrementalDirs);
        return folders;
    }
}
