package io.github.rsevolve.maven;

import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.validate.ValidateResult;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of goals that build throwaway databases, and the one embedded server per Maven session. */
public abstract class AbstractThrowawayMojo extends AbstractProjectMojo {

    /**
     * A server for the throwaway databases, its URL naming its maintenance database: jdbc:postgresql:// for a
     * PostgreSQL server (the SQL translated, as on the embedded one), or jdbc:redshift:// for a dev cluster or
     * Serverless workgroup, where the SQL runs as written and the databases are dropped with DROP DATABASE ... FORCE.
     * Empty for the embedded PostgreSQL the plugin starts.
     */
    @Parameter(property = "redshift.throwawayUrl")
    protected JdbcUrl throwawayUrl;

    /** The user for redshift.throwawayUrl; it needs the CREATEDB right. */
    @Parameter(property = "redshift.throwawayUser")
    private String throwawayUser;

    /** The password for redshift.throwawayUrl; prefer redshift.throwawayServerId. Never logged. */
    @Parameter(property = "redshift.throwawayPassword")
    private Secret throwawayPassword;

    /**
     * The id of a settings.xml server whose username and password (decrypted when encrypted) are used for
     * redshift.throwawayUrl.
     */
    @Parameter(property = "redshift.throwawayServerId")
    private String throwawayServerId;

    /** Keep the throwaway databases after the build and print how to connect to them. */
    @Parameter(property = "redshift.keepThrowaway", defaultValue = "false")
    private boolean keepThrowaway;

    /** The longest one statement of the builds or ETL checks may run, in seconds. */
    @Parameter(property = "redshift.statementTimeout", defaultValue = "300")
    protected int statementTimeout;

    /** Flyway's schema history table. */
    @Parameter(property = "redshift.table", defaultValue = "flyway_schema_history")
    protected String historyTable;

    /** Validate's settings from the parameters, with credentials from settings.xml when a server id is given. */
    protected ValidateSettings validateSettings() {
        return validateSettings(lintSettings());
    }

    /** Validate's settings for these lint settings. */
    protected ValidateSettings validateSettings(LintSettings lint) {
        Credentials.Login login = credentials().of("redshift.throwawayServerId", throwawayServerId, throwawayUser,
                Secret.valueOf(throwawayPassword));
        return new ValidateSettings(lint, JdbcUrl.valueOf(throwawayUrl), login.user(), login.password(),
                keepThrowaway, statementTimeout, historyTable);
    }

    /** Runs validate; the reactor's last project stops the embedded server. */
    protected ValidateResult validate(ValidateSettings validate) {
        try {
            return Validator.run(validate);
        } finally {
            releaseServer();
        }
    }
}
