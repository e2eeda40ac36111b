package io.github.rsevolve.maven;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.migrate.Environment;
import java.util.List;
import java.util.Map;

/**
 * How the plugin works on an environment, apart from which one it is and who logs in: so that the goals on one
 * environment (from a profile's properties) and copy-data's two (from {@code <environments>}) build theirs alike.
 *
 * @param historyTable     Flyway's schema history table
 * @param placeholders     Flyway placeholders
 * @param translate        pass changesets through the translator on a jdbc:postgresql:// environment
 * @param statementTimeout the longest one statement may run, in seconds
 * @param schemas          Flyway's managed schemas; the history table lives in the first
 * @param connectTimeout   how long connecting and logging in may take, in seconds
 */
record ConnectionOptions(String historyTable, Map<String, String> placeholders, boolean translate,
                         int statementTimeout, List<String> schemas, int connectTimeout) {

    /**
     * An environment by its settings, with its credentials from settings.xml (decrypted) when a server id is given;
     * a missing setting is a message that says which and where.
     *
     * @param givenPassword the password when settings.xml gives none, or null
     */
    Environment environment(Credentials credentials, String name, String jdbcUrl, String userName,
                            String settingsServerId, String givenPassword) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new RedshiftException(SETTINGS, "redshift.url is not set for environment " + name
                    + ": set it in the environment's profile, e.g. <profile><id>qa</id><properties>"
                    + "<redshift.url>jdbc:redshift://host:5439/dw</redshift.url><redshift.serverId>qa"
                    + "</redshift.serverId></properties></profile>, and run with -Pqa.");
        }
        if (!jdbcUrl.startsWith("jdbc:redshift:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new RedshiftException(SETTINGS, "redshift.url of environment " + name
                    + " must start with jdbc:redshift:// or jdbc:postgresql://.");
        }
        Credentials.Login login = credentials.of("redshift.serverId of environment " + name, settingsServerId,
                userName, givenPassword);
        // IAM: the driver gets temporary credentials itself (docs: redshift-jdbc42, IAM authentication options).
        boolean iam = jdbcUrl.startsWith("jdbc:redshift:iam:");
        if (!iam && (login.user() == null || login.user().isBlank())) {
            throw new RedshiftException(SETTINGS, "No user for environment " + name + ": set redshift.serverId "
                    + "(a settings.xml server with username and password) or redshift.user in its profile, or "
                    + "connect with IAM (jdbc:redshift:iam://...).");
        }
        String deployUser = login.user();
        String deployPassword = login.password() == null ? "" : login.password();
        return new Environment(name, jdbcUrl, deployUser, deployPassword, historyTable, placeholders, translate,
                statementTimeout, schemas, connectTimeout);
    }
}
