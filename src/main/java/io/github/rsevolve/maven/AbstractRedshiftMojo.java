package io.github.rsevolve.maven;

import io.github.rsevolve.core.lint.ConfigurationException;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Parameters every goal shares, and the one place where a goal's failures become Maven exceptions: a problem in
 * the user's settings is a clear message without a stack trace; findings fail the build through the goal.
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

    /** The ETL queries that run against the model. */
    @Parameter(property = "redshift.etl", defaultValue = "${project.basedir}/src/main/redshift/etl")
    protected File etlDir;

    /** Where reports are written. */
    @Parameter(property = "redshift.reportDir", defaultValue = "${project.build.directory}/redshift")
    protected File reportDir;

    /** Skips the goal. */
    @Parameter(property = "redshift.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (redshift.skip=true).");
            return;
        }
        try {
            run();
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /** The goal's work: build the core's settings, call the core, report. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;
}
