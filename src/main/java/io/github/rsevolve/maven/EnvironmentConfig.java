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

    /** Maven sets {@code <protected>} through this setter: protected is a Java keyword. */
    public void setProtected(boolean value) {
        isProtected = value;
    }
}
