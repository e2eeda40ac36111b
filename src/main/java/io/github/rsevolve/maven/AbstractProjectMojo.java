package io.github.rsevolve.maven;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of goals that read the project's SQL: where it is, how it is read and checked, what fails. */
public abstract class AbstractProjectMojo extends AbstractRedshiftMojo {

    /** The absolute model: the full DDL of every schema, table, view and grant, in any file layout. */
    @Parameter(property = "redshift.absolute", defaultValue = "${project.basedir}/src/main/redshift/absolute")
    protected File absoluteDir;

    /**
     * The incremental changesets: Flyway versioned files such as V12__add_discount.sql, and repeatable ones such as
     * R__views.sql.
     */
    @Parameter(property = "redshift.incremental", defaultValue = "${project.basedir}/src/main/redshift/incremental")
    protected File incrementalDir;

    /**
     * Further folders of changesets, comma-separated, as Flyway's several locations (a Flyway value such as
     * {@code filesystem:db/shared} works as it is); relative paths are below the project. Changesets of all folders
     * are applied in one version order; new ones are drafted into redshift.incremental.
     */
    @Parameter(property = "redshift.locations")
    protected String locations;

    /** The ETL queries that run against the model. */
    @Parameter(property = "redshift.etl", defaultValue = "${project.basedir}/src/main/redshift/etl")
    protected File etlDir;

    /** The least severity that fails the build: error, warning, info, or none. */
    @Parameter(property = "redshift.failOn", defaultValue = "error")
    protected String failOn;

    /**
     * Rule levels, as rule=level pairs separated by commas, where level is error, warning, info or off, e.g.
     * {@code drop-column=error,unenforced-constraint=off}. Rules are named by name or id.
     */
    @Parameter(property = "redshift.rules")
    protected String rules;

    /**
     * The most CPU time one statement may take to parse, in milliseconds (the parsing thread's own, so a busy machine
     * does not change which statements parse); a slower one is reported, not parsed.
     */
    @Parameter(property = "redshift.parseTimeout", defaultValue = "" + RedshiftParser.DEFAULT_TIMEOUT_MILLIS)
    protected long parseTimeout;

    /**
     * Also parses every query with JSqlParser's full grammar (slower, and with false alarms on some Redshift idioms).
     * By default lint reads queries from their tokens and reports only the slips tokens show (unpaired parentheses,
     * dangling commas, empty clauses); validate checks every query's syntax on the stand-in.
     */
    @Parameter(property = "redshift.parseQueries", defaultValue = "false")
    protected boolean parseQueries;

    /** SQL files larger than this many bytes are reported instead of read. */
    @Parameter(property = "redshift.maxFileBytes", defaultValue = "" + SqlSourceReader.DEFAULT_MAX_FILE_BYTES)
    protected long maxFileBytes;

    /** How many files are parsed at once; 0 means one per available processor. */
    @Parameter(property = "redshift.threads", defaultValue = "0")
    protected int threads;

    protected LintSettings lintSettings() {
        return new LintSettings(baseDir.toPath(), absoluteDir.toPath(), incrementalDir.toPath(), etlDir.toPath(),
                LintSettings.parseRuleLevels(rules), parseTimeout, maxFileBytes,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), moreLocations(),
                parseQueries ? ParseDepth.FULL : ParseDepth.TOKENS);
    }

    private List<Path> moreLocations() {
        List<Path> folders = new ArrayList<>();
        for (String location : locations == null ? new String[0] : locations.split(",")) {
            String folder = location.trim();
            if (folder.isEmpty()) {
                continue;
            }
            if (folder.startsWith("classpath:")) {
                throw new RedshiftException(SETTINGS, "redshift.locations: '" + folder + "' is a class path location; "
                        + "the plugin reads changesets from folders: name the folder, e.g. filesystem:src/main/"
                        + "resources/db/migration.");
            }
            folders.add(baseDir.toPath().resolve(folder.replaceFirst("^filesystem:", "")).normalize());
        }
        return folders;
    }

    /** Fails the build when a finding is at least as serious as redshift.failOn. */
    protected void failOnFindings(String goal, List<Finding> findings) throws MojoFailureException {
        Severity threshold = failThreshold();
        if (threshold != null && findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold))) {
            long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
            throw new MojoFailureException(goal + " found " + errors + " error(s) and " + warnings
                    + " warning(s); the build fails on " + failOn + " (redshift.failOn). See the findings above.");
        }
    }

    /** The severity that fails the build, or null for none. */
    private Severity failThreshold() {
        String value = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "error", "warning", "info" -> Severity.valueOf(value.toUpperCase(Locale.ROOT));
            case "none" -> null;
            default -> throw new RedshiftException(SETTINGS, "redshift.failOn is '" + failOn
                    + "'; set it to error, warning, info or none.");
        };
    }
}
