package io.github.rsevolve.core.lint;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.project.ProjectSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What lint reads and how ({@link #project()}), and each rule's level.
 *
 * @param ruleLevels per rule name or id: a severity, or empty to switch the rule off
 * @param parseTimeoutMillis bound on parsing one statement
 * @param maxFileBytes files larger than this are reported, not read
 * @param threads how many files are parsed at once
 * @param moreIncrementalDirs further folders of changesets, as Flyway's several locations; new changesets are
 *                            drafted into incrementalDir
 * @param queryDepth how deep queries are parsed: from their tokens (the default), or also through JSqlParser's
 *                   grammar (redshift.parseQueries)
 */
public record LintSettings(Path baseDir, Path absoluteDir, Path incrementalDir, Path etlDir,
                           Map<String, Optional<Severity>> ruleLevels, long parseTimeoutMillis, long maxFileBytes,
                           int threads, List<Path> moreIncrementalDirs, ParseDepth queryDepth) {

    public LintSettings {
        moreIncrementalDirs = List.copyOf(moreIncrementalDirs);
    }

    public LintSettings(Path baseDir, Path absoluteDir, Path incrementalDir, Path etlDir,
                        Map<String, Optional<Severity>> ruleLevels, long parseTimeoutMillis, long maxFileBytes,
                        int threads, List<Path> moreIncrementalDirs) {
        this(baseDir, absoluteDir, incrementalDir, etlDir, ruleLevels, parseTimeoutMillis, maxFileBytes, threads,
                moreIncrementalDirs, ParseDepth.TOKENS);
    }

    public LintSettings(Path baseDir, Path absoluteDir, Path incrementalDir, Path etlDir,
                        Map<String, Optional<Severity>> ruleLevels, long parseTimeoutMillis, long maxFileBytes,
                        int threads) {
        this(baseDir, absoluteDir, incrementalDir, etlDir, ruleLevels, parseTimeoutMillis, maxFileBytes, threads,
                List.of());
    }

    /** Every folder of changesets, the incremental folder first. */
    public List<Path> incrementalDirs() {
        return project().incrementalDirs();
    }

    /** Where the SQL is and how it is read, without the rules' levels. */
    public ProjectSettings project() {
        return new ProjectSettings(baseDir, absoluteDir, incrementalDir, etlDir, parseTimeoutMillis, maxFileBytes,
                threads, moreIncrementalDirs, queryDepth);
    }

    /** Parses {@code rule=level,rule=level} where level is error, warning, info or off. */
    public static Map<String, Optional<Severity>> parseRuleLevels(String spec) {
        Map<String, Optional<Severity>> levels = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return levels;
        }
        for (String entry : spec.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            if (parts.length != 2) {
                throw new RedshiftException(SETTINGS, "redshift.rules: '" + entry
                        + "' is not rule=level; write e.g. no-drop-column=off,grant-all=error.");
            }
            String level = parts[1].trim().toLowerCase(Locale.ROOT);
            levels.put(parts[0].trim(), switch (level) {
                case "off" -> Optional.empty();
                case "error", "warning", "info" -> Optional.of(Severity.valueOf(level.toUpperCase(Locale.ROOT)));
                default -> throw new RedshiftException(SETTINGS, "redshift.rules: level '" + parts[1]
                        + "' of rule " + parts[0] + " is not one of error, warning, info, off.");
            });
        }
        return levels;
    }
}
