package io.github.rsevolve.maven;

import io.github.rsevolve.core.lint.ConfigurationException;
import io.github.rsevolve.core.lint.Linter;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.MigrateException;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.validate.ValidateException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

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
    private String url;

    /** The user to deploy as; taken from the settings.xml server when redshift.serverId is set. */
    @Parameter(property = "redshift.user")
    private String user;

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

    /** Pass changesets through the Redshift-to-PostgreSQL translator on a jdbc:postgresql:// environment. */
    @Parameter(property = "redshift.translate", defaultValue = "true")
    private boolean translate;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings mavenSettings;

    @Component
    private SettingsDecrypter decrypter;

    /** The environment from the parameters; a missing setting is a message that says which and where. */
    protected Environment environment() {
        return environment(environment, url, user, serverId);
    }

    /**
     * An environment by its settings, with its credentials from settings.xml (decrypted) when a server id is given;
     * a missing setting is a message that says which and where.
     */
    protected Environment environment(String name, String jdbcUrl, String userName, String settingsServerId) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new ConfigurationException("redshift.url is not set for environment " + name
                    + ": set it in the environment's profile, e.g. <profile><id>qa</id><properties>"
                    + "<redshift.url>jdbc:redshift://host:5439/dw</redshift.url><redshift.serverId>qa"
                    + "</redshift.serverId></properties></profile>, and run with -Pqa.");
        }
        if (!jdbcUrl.startsWith("jdbc:redshift:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("redshift.url of environment " + name
                    + " must start with jdbc:redshift:// or jdbc:postgresql://.");
        }
        String deployUser = userName;
        String password = "";
        if (settingsServerId != null && !settingsServerId.isBlank()) {
            Server server = mavenSettings == null ? null : mavenSettings.getServer(settingsServerId);
            if (server == null) {
                throw new ConfigurationException("redshift.serverId of environment " + name + " is '"
                        + settingsServerId + "', but settings.xml has no <server> with that id.");
            }
            Server decrypted = decrypt(server);
            deployUser = decrypted.getUsername();
            password = decrypted.getPassword() == null ? "" : decrypted.getPassword();
        }
        if (deployUser == null || deployUser.isBlank()) {
            throw new ConfigurationException("No user for environment " + name + ": set redshift.serverId "
                    + "(a settings.xml server with username and password) or redshift.user in its profile.");
        }
        return new Environment(name, jdbcUrl, deployUser, password, historyTable,
                placeholders == null ? Map.of() : Map.copyOf(placeholders), translate, statementTimeout,
                schemas == null || schemas.isBlank() ? List.of()
                        : Arrays.stream(schemas.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** Maven's encrypted passwords ({...} in settings.xml), decrypted with settings-security.xml. */
    private Server decrypt(Server server) {
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new ConfigurationException("Cannot decrypt the password of settings.xml server '"
                        + server.getId() + "': " + problem.getMessage());
            }
        }
        return result.getServer();
    }

    protected Migrator migrator(Environment target) {
        return new Migrator(target, Linter.load(lintSettings()));
    }

    /** Whether the goal works without an environment, on the changesets' build, when redshift.url is not set. */
    protected boolean environmentOptional() {
        return false;
    }

    @Override
    protected final void run() throws MojoExecutionException, MojoFailureException {
        try {
            runOn(environmentOptional() && (url == null || url.isBlank()) ? null : environment());
        } catch (MigrateException | ValidateException e) {
            throw new MojoExecutionException(e.getMessage());
        } finally {
            releaseServer();
        }
    }

    /** @param target the environment, or null when it is optional and not set */
    protected abstract void runOn(Environment target) throws MojoExecutionException, MojoFailureException;
}
