package io.github.rsevolve.maven;

import io.github.rsevolve.core.lint.LintResult;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.report.TextReporter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Static checks of the absolute model, the changesets and the ETL queries, with no database. Writes
 * target/redshift/lint.json and lint.sarif; fails the build on findings of the redshift.failOn severity or worse.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true,
        configurator = MaskingConfigurator.HINT)
public final class LintMojo extends AbstractProjectMojo {

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        LintSettings settings = lintSettings();
        if (getLog().isDebugEnabled()) {
            // A record's first toString links its method handles, tens of ms in a cold build, for a line only -X shows.
            getLog().debug("redshift:lint " + settings);
        }
        LintResult result = Linter.run(settings);
        log(TextReporter.lines(result.findings(), TextReporter.summary(result)));
        writeReports("lint", result.findings(), null);
        failOnFindings("redshift:lint", result.findings());
    }
}
