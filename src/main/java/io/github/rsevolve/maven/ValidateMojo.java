package io.github.rsevolve.maven;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.lint.ConfigurationException;
import io.github.rsevolve.core.report.JUnitReporter;
import io.github.rsevolve.core.report.TextReporter;
import io.github.rsevolve.core.validate.ValidateResult;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import java.io.IOException;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/**
 * Lint, then throwaway databases built from the absolute model and from the changesets (embedded PostgreSQL by
 * default), compared object by object, with the ETL queries checked against the changesets' build. Writes
 * target/redshift/validate.json, validate.sarif and TEST-redshift-validate.xml.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractRedshiftMojo {

    /**
     * A jdbc:postgresql:// URL of a server for the throwaway databases, naming its maintenance database; empty for
     * the embedded PostgreSQL the plugin starts.
     */
    @Parameter(property = "redshift.throwawayUrl")
    private String throwawayUrl;

    /** The user for redshift.throwawayUrl; it needs the CREATEDB right. */
    @Parameter(property = "redshift.throwawayUser")
    private String throwawayUser;

    /** The password for redshift.throwawayUrl; prefer redshift.throwawayServerId. Never logged. */
    @Parameter(property = "redshift.throwawayPassword")
    private String throwawayPassword;

    /** The id of a settings.xml server whose username and password are used for redshift.throwawayUrl. */
    @Parameter(property = "redshift.throwawayServerId")
    private String throwawayServerId;

    /** Keep the throwaway databases after the build and print how to connect to them. */
    @Parameter(property = "redshift.keepThrowaway", defaultValue = "false")
    private boolean keepThrowaway;

    /** The longest one statement of the builds or ETL checks may run, in seconds. */
    @Parameter(property = "redshift.statementTimeout", defaultValue = "300")
    private int statementTimeout;

    /** Flyway's schema history table. */
    @Parameter(property = "redshift.table", defaultValue = "flyway_schema_history")
    private String historyTable;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        String user = throwawayUser;
        String password = throwawayPassword;
        if (throwawayServerId != null && !throwawayServerId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(throwawayServerId);
            if (server == null) {
                throw new ConfigurationException("redshift.throwawayServerId is '" + throwawayServerId
                        + "', but settings.xml has no <server> with that id.");
            }
            user = server.getUsername();
            password = server.getPassword();
        }
        ValidateSettings validate = new ValidateSettings(lintSettings(), throwawayUrl, user, password,
                keepThrowaway, statementTimeout, historyTable);
        getLog().debug("redshift:validate " + validate);
        ValidateResult result;
        try {
            result = Validator.run(validate);
        } finally {
            // One embedded server per Maven session: the last project of the reactor stops it.
            if (isLastProject()) {
                EmbeddedServer.stopShared();
            }
        }
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
            throw new MojoExecutionException("Cannot write the JUnit report: " + e.getMessage());
        }
        failOnFindings("redshift:validate", result.findings());
    }

    private boolean isLastProject() {
        return session == null || session.getProjects().isEmpty()
                || session.getCurrentProject() == session.getProjects().get(session.getProjects().size() - 1);
    }
}
