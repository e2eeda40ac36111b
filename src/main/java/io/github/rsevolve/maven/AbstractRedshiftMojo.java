package io.github.rsevolve.maven;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.db.Interruption;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.report.JsonReporter;
import io.github.rsevolve.core.report.SarifReporter;
import io.github.rsevolve.core.report.TextReporter;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Parameters every goal shares, and the one place where a goal's failures become Maven exceptions: a problem in
 * the user's settings or environment is a clear message without a stack trace; findings fail the build through
 * {@link #failOnFindings}.
 */
public abstract class AbstractRedshiftMojo extends AbstractMojo {

    /** The project's base directory; reported paths are relative to it. */
    @Parameter(property = "redshift.baseDir", defaultValue = "${project.basedir}")
    protected File baseDir;

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

    /** Where reports are written. */
    @Parameter(property = "redshift.reportDir", defaultValue = "${project.build.directory}/redshift")
    protected File reportDir;

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

    /** Skips the goal. */
    @Parameter(property = "redshift.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (redshift.skip=true).");
            return;
        }
        quietEmbeddedServer();
        Thread preparation = writesReports() ? JsonReporter.prepareInBackground() : null;
        try {
            run();
        } catch (RedshiftException e) {
            // The one place the core's problems become Maven's: the message for the log, the cause for -e.
            throw new MojoExecutionException(e.getMessage(), e);
        } finally {
            // Maven closes the plugin's class realm after the goal: the preparation must not outlive it.
            awaitPreparation(preparation);
        }
    }

    private static void awaitPreparation(Thread preparation) {
        if (preparation == null) {
            return;
        }
        try {
            preparation.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The embedded server library's own INFO lines (platform detected, initdb completed, postmaster started) are not
     * news to the user: they go to debug. Maven's SLF4J provider takes a logger's level from this system property
     * when the logger is made; a level the user set on the command line wins, and with -X they stay visible.
     */
    private void quietEmbeddedServer() {
        if (!getLog().isDebugEnabled()) {
            System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.zonky", "warn");
        }
    }

    /** Whether the goal writes JSON or SARIF reports; if so, the JSON writer is set up while the goal works. */
    protected boolean writesReports() {
        return true;
    }

    /** The goal's work: build the core's settings, call the core, report. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

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

    /** Logs the findings grouped by file, then the summary line, each at its severity's level. */
    protected void log(List<TextReporter.Line> lines) {
        for (TextReporter.Line line : lines) {
            switch (line.severity()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                case INFO -> getLog().info(line.text());
            }
        }
    }

    /** Writes name.json and name.sarif into the report folder. */
    protected void writeReports(String name, List<Finding> findings, Object jsonExtra) throws MojoExecutionException {
        stopIfInterrupted();
        Path reports = reportDir.toPath();
        try {
            JsonReporter.write(findings, reports.resolve(name + ".json"), jsonExtra);
            SarifReporter.write(findings, pluginVersion, baseDir.toPath(), reports.resolve(name + ".sarif"));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + reports + ": " + e.getMessage(), e);
        }
    }

    /** What an interrupted run found is what the interruption broke: it is neither logged nor reported. */
    protected static void stopIfInterrupted() throws MojoExecutionException {
        if (Interruption.underway()) {
            throw new MojoExecutionException("Interrupted; the throwaway databases were dropped.");
        }
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
