package io.github.rsevolve.maven;


import io.github.rsevolve.core.db.Interruption;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.report.JsonReporter;
import io.github.rsevolve.core.report.SarifReporter;
import io.github.rsevolve.core.report.TextReporter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import io.github.rsevolve.core.db.EmbeddedServer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
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

    /** Where reports are written. */
    @Parameter(property = "redshift.reportDir", defaultValue = "${project.build.directory}/redshift")
    protected File reportDir;

    /** Skips the goal. */
    @Parameter(property = "redshift.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Component
    private SettingsDecrypter decrypter;

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

    /** Credentials from settings.xml servers, their passwords decrypted, or as given. */
    protected Credentials credentials() {
        return new Credentials(settings, decrypter);
    }

    /**
     * One embedded server per Maven session: the reactor's last project stops it, while the plugin's classes can
     * still be loaded (they cannot in the JVM's shutdown hooks).
     */
    protected void releaseServer() {
        if (isLastProject()) {
            EmbeddedServer.stopShared();
        }
    }

    private boolean isLastProject() {
        return session == null || session.getProjects().isEmpty()
                || session.getCurrentProject() == session.getProjects().get(session.getProjects().size() - 1);
    }
}
