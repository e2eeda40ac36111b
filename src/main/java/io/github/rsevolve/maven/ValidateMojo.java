package io.github.rsevolve.maven;

import io.github.rsevolve.core.report.JUnitReporter;
import io.github.rsevolve.core.report.TextReporter;
import io.github.rsevolve.core.validate.ValidateResult;
import io.github.rsevolve.core.validate.ValidateSettings;
import java.io.IOException;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lint, then throwaway databases built from the absolute model and from the changesets (embedded PostgreSQL by
 * default), compared object by object, with the ETL queries checked against the changesets' build. Writes
 * target/redshift/validate.json, validate.sarif and TEST-redshift-validate.xml.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        configurator = MaskingConfigurator.HINT)
public final class ValidateMojo extends AbstractThrowawayMojo {

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        ValidateSettings validate = validateSettings();
        if (getLog().isDebugEnabled()) {
            getLog().debug("redshift:validate " + validate);
        }
        ValidateResult result = validate(validate);
        stopIfInterrupted();
        for (Map.Entry<String, Long> phase : result.phases().entrySet()) {
            getLog().info(String.format("%-30s %6d ms", phase.getKey(), phase.getValue()));
        }
        result.kept().forEach(line -> getLog().info("Kept throwaway database " + line));
        log(TextReporter.lines(result.findings(), TextReporter.validateSummary(result)));
        writeReports("validate", result.findings(), Map.of("drift", result.drift()));
        try {
            JUnitReporter.write("redshift-validate", JUnitReporter.checks(result),
                    reportDir.toPath().resolve("TEST-redshift-validate.xml"));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the JUnit report: " + e.getMessage(), e);
        }
        failOnFindings("redshift:validate", result.findings());
    }
}
