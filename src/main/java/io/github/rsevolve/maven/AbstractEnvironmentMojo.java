package io.github.rsevolve.maven;


import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.FlywayOptions;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The environment a goal deploys to or reports on: usually set by a Maven profile (mvn redshift:migrate -Pqa) whose
 * properties name the cluster, and a settings.xml server that holds its credentials.
 */
public abstract class AbstractEnvironmentMojo extends AbstractThrowawayMojo {

    /**
     * The environment's JDBC URL: jdbc:redshift://... for a cluster, jdbc:postgresql://... for a PostgreSQL
     * stand-in. Set it in the environment's profile.
     */
    @Parameter(property = "redshift.url")
    private JdbcUrl url;

    /** The user to deploy as; taken from the settings.xml server when redshift.serverId is set. */
    @Parameter(property = "redshift.user")
    private String user;

    /**
     * The environment's password when no settings.xml server gives one, e.g. {@code <redshift.password>
     * ${env.DB_PASSWORD}</redshift.password>} in its profile; else the REDSHIFT_PASSWORD environment variable.
     * Never logged. A jdbc:redshift:iam:// URL needs none.
     */
    @Parameter(property = "redshift.password")
    private Secret password;

    /** The settings.xml server whose username and (possibly encrypted) password are the environment's. */
    @Parameter(property = "redshift.serverId")
    private String serverId;

    /** The environment's name, in reports such as info-&lt;environment&gt;.json; the profile's id, say. */
    @Parameter(property = "redshift.environment", defaultValue = "default")
    protected String environment;

    /** Flyway's managed schemas, comma-separated; the history table lives in the first. */
    @Parameter(property = "redshift.schemas")
    private String schemas;

    /** Flyway placeholders: ${name} in changesets is replaced by the value. */
    @Parameter
    private Map<String, String> placeholders;

    /** Flyway's target: migrate up to this version ("latest", "current" or a version such as 7). */
    @Parameter(property = "redshift.target")
    private String flywayTarget;

    /** Flyway's outOfOrder: also apply a pending changeset older than the newest applied one. */
    @Parameter(property = "redshift.outOfOrder", defaultValue = "false")
    private boolean outOfOrder;

    /** Flyway's baselineOnMigrate: migrate baselines a non-empty environment without history at baselineVersion. */
    @Parameter(property = "redshift.baselineOnMigrate", defaultValue = "false")
    private boolean baselineOnMigrate;

    /** The version baseline and baselineOnMigrate record: the one the environment is on. */
    @Parameter(property = "redshift.baselineVersion", defaultValue = "1")
    protected String baselineVersion;

    /** Flyway's validateOnMigrate: check the applied changesets (checksums, descriptions) before migrating. */
    @Parameter(property = "redshift.validateOnMigrate", defaultValue = "true")
    private boolean validateOnMigrate;

    /**
     * Flyway's ignoreMigrationPatterns, comma-separated type:state pairs that validation lets pass, e.g.
     * {@code *:missing,*:future}; Flyway's default ({@code *:future}) when not set.
     */
    @Parameter(property = "redshift.ignoreMigrationPatterns")
    private String ignoreMigrationPatterns;

    /** How long connecting to the environment and logging in may take, in seconds. */
    @Parameter(property = "redshift.connectTimeout", defaultValue = "10")
    private int connectTimeout;

    /** Pass changesets through the Redshift-to-PostgreSQL translator on a jdbc:postgresql:// environment. */
    @Parameter(property = "redshift.translate", defaultValue = "true")
    private boolean translate;

    /**
     * The environment from the parameters, its password from settings.xml, redshift.password or REDSHIFT_PASSWORD;
     * a missing setting is a message that says which and where.
     */
    protected Environment environment() {
        String given = Secret.valueOf(password);
        return new ConnectionOptions(historyTable, placeholders == null ? Map.of() : Map.copyOf(placeholders),
                translate, statementTimeout, commaSeparated(schemas), connectTimeout).environment(credentials(),
                environment, JdbcUrl.valueOf(url), user, serverId,
                given != null ? given : System.getenv(Credentials.PASSWORD_VARIABLE));
    }

    protected Migrator migrator(Environment target) {
        return migrator(target, ProjectLoader.load(lintSettings().project()));
    }

    /** Deploys the loaded project to the environment with the Flyway options. */
    protected Migrator migrator(Environment target, Project project) {
        return new Migrator(target, project, new FlywayOptions(flywayTarget, outOfOrder, baselineOnMigrate,
                baselineVersion, validateOnMigrate, commaSeparated(ignoreMigrationPatterns)));
    }

    static List<String> commaSeparated(String values) {
        return values == null || values.isBlank() ? List.of()
                : Arrays.stream(values.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the goal works without an environment, on the changesets' build, when redshift.url is not set. */
    protected boolean environmentOptional() {
        return false;
    }

    @Override
    protected final void run() throws MojoExecutionException, MojoFailureException {
        try {
            runOn(environmentOptional() && JdbcUrl.valueOf(url) == null ? null : environment());
        } finally {
            releaseServer();
        }
    }

    /** @param target the environment, or null when it is optional and not set */
    protected abstract void runOn(Environment target) throws MojoExecutionException, MojoFailureException;
}
