package io.github.rsevolve.maven;

import io.github.rsevolve.core.lint.ConfigurationException;
import io.github.rsevolve.core.lint.LintResult;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.lint.Severity;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.report.JsonReporter;
import io.github.rsevolve.core.report.SarifReporter;
import io.github.rsevolve.core.report.TextReporter;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Static checks of the absolute model, the changesets and the ETL queries, with no database. Writes
 * target/redshift/lint.json and lint.sarif; fails the build on findings of the redshift.failOn severity or worse.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class LintMojo extends AbstractRedshiftMojo {

    /** The least severity that fails the build: error, warning, info, or none. */
    @Parameter(property = "redshift.failOn", defaultValue = "error")
    private String failOn;

    /**
     * Rule levels, as rule=level pairs separated by commas, where level is error, warning, info or off, e.g.
     * {@code drop-column=error,unenforced-constraint=off}. Rules are named by name or id.
     */
    @Parameter(property = "redshift.rules")
    private String rules;

    /** The longest time one statement may take to parse, in milliseconds; a slower one is reported, not parsed. */
    @Parameter(property = "redshift.parseTimeout", defaultValue = "" + RedshiftParser.DEFAULT_TIMEOUT_MILLIS)
    private long parseTimeout;

    /** SQL files larger than this many bytes are reported instead of read. */
    @Parameter(property = "redshift.maxFileBytes", defaultValue = "" + SqlSourceReader.DEFAULT_MAX_FILE_BYTES)
    private long maxFileBytes;

    /** How many files are parsed at once; 0 means one per available processor. */
    @Parameter(property = "redshift.threads", defaultValue = "0")
    private int threads;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Severity threshold = failThreshold();
        LintSettings settings = new LintSettings(baseDir.toPath(), absoluteDir.toPath(), incrementalDir.toPath(),
                etlDir.toPath(), LintSettings.parseRuleLevels(rules), parseTimeout, maxFileBytes,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        getLog().debug("redshift:lint " + settings);
        LintResult result = Linter.run(settings);
        for (TextReporter.Line line : TextReporter.lines(result)) {
            switch (line.severity()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                case INFO -> getLog().info(line.text());
            }
        }
        Path reports = reportDir.toPath();
        try {
            JsonReporter.write(result.findings(), reports.resolve("lint.json"));
            SarifReporter.write(result.findings(), Linter.rules(), pluginVersion, reports.resolve("lint.sarif"));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the lint reports to " + reports + ": " + e.getMessage());
        }
        if (threshold != null && result.hasAtLeast(threshold)) {
            throw new MojoFailureException("redshift:lint found " + result.count(Severity.ERROR) + " error(s) and "
                    + result.count(Severity.WARNING) + " warning(s); the build fails on " + failOn
                    + " (redshift.failOn). See the findings above.");
        }
    }

    /** The severity that fails the build, or null for none. */
    private Severity failThreshold() {
        String value = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "error", "warning", "info" -> Severity.valueOf(value.toUpperCase(Locale.ROOT));
            case "none" -> null;
            default -> throw new ConfigurationException("redshift.failOn is '" + failOn
                    + "'; set it to error, warning, info or none.");
        };
    }
}
