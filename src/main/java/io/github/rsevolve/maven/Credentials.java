package io.github.rsevolve.maven;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.finding.RedshiftException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The user and password of a connection, from a settings.xml server (its password decrypted) or as given. */
final class Credentials {

    /** The environment variable CI systems hand an environment's password over in, as Flyway reads FLYWAY_PASSWORD. */
    static final String PASSWORD_VARIABLE = "REDSHIFT_PASSWORD";

    /** @param password never logged; null when none is given */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + ", password=" + (password == null ? "none" : "****") + "]";
        }
    }

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    Credentials(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /**
     * The settings.xml server's username and password when a server id is given, else the user and password as
     * given.
     *
     * @param serverIdParameter the parameter that names the server, for messages
     */
    Login of(String serverIdParameter, String serverId, String user, String password) {
        if (serverId == null || serverId.isBlank()) {
            return new Login(user, password);
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new RedshiftException(SETTINGS, serverIdParameter + " is '" + serverId
                    + "', but settings.xml has no <server> with that id.");
        }
        Server decrypted = decrypt(server);
        String serverPassword = decrypted.getPassword();
        return new Login(decrypted.getUsername(),
                serverPassword == null || serverPassword.isEmpty() ? password : serverPassword);
    }

    /** Maven's encrypted passwords ({...} in settings.xml), decrypted with settings-security.xml. */
    private Server decrypt(Server server) {
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new RedshiftException(SETTINGS, "Cannot decrypt the password of settings.xml server '"
                        + server.getId() + "': " + problem.getMessage());
            }
        }
        return result.getServer();
    }
}
