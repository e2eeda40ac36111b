package io.github.rsevolve.maven;

/**
 * An environment named in the plugin's configuration, so that one build sees two (copy-data's source and target):
 * {@code <environment><name>pro</name><url>jdbc:redshift://...</url><serverId>pro</serverId>
 * <protected>true</protected></environment>}.
 */
public class EnvironmentConfig {

    /** Its name, as redshift.from and redshift.to give it. */
    String name;
    /** Its JDBC URL. */
    JdbcUrl url;
    /** The settings.xml server with its username and password. */
    String serverId;
    /** The user, when no server id is given. */
    String user;
    /** The IAM role this cluster uses for UNLOAD or COPY through copy-data's S3 staging, if not the staging's own. */
    String iamRole;
    /** Nothing is written into a protected environment without redshift.allowProtectedTarget. */
    boolean isProtected;
    /** Its Flyway schema history table, which names the changesets it has applied. */
    String table = "flyway_schema_history";
    /** Its Flyway managed schemas, comma-separated; the history table lives in the first. */
    String schemas;
    /** On a jdbc:postgresql:// stand-in, read masks and filters as Redshift SQL through the translator. */
    boolean translate = true;
    /** How long connecting and logging in may take, in seconds. */
    int connectTimeout = 10;
    /** The longest one statement may run, in seconds; 0 for no limit. */
    int statementTimeout;

    /** Maven sets {@code <protected>} through this setter: protected is a Java keyword. */
    public void setProtected(boolean value) {
        isProtected = value;
    }
}
