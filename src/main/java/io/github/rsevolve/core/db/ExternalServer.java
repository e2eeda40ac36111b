package io.github.rsevolve.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL server or Redshift cluster the user provides (redshift.throwawayUrl). The URL names the maintenance
 * database; throwaway databases are created beside it.
 */
public final class ExternalServer implements ThrowawayServer {

    /** The default bound on connecting and logging in. */
    public static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final String url;
    private final String user;
    private final String password;
    private Leftovers leftovers;

    public ExternalServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password == null ? "" : password;
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return open(url);
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return open(url(database));
    }

    private Connection open(String jdbcUrl) throws SQLException {
        return connect(jdbcUrl, user, password);
    }

    /** A connection with a bounded connect and login time, so an unreachable host fails fast. */
    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        return connect(jdbcUrl, user, password, CONNECT_TIMEOUT_SECONDS);
    }

    /** As above, bounded by the given seconds. */
    public static Connection connect(String jdbcUrl, String user, String password, int timeoutSeconds)
            throws SQLException {
        return DriverManager.getConnection(jdbcUrl, connectionProperties(user, password, timeoutSeconds));
    }

    /** The driver properties of a connection: credentials when given, and the connect and login bounds. */
    public static Properties connectionProperties(String user, String password, int timeoutSeconds) {
        Properties properties = new Properties();
        // None given: an IAM URL, where redshift-jdbc42 gets temporary credentials (docs: IAM options).
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.putAll(timeouts(timeoutSeconds));
        return properties;
    }

    /** The driver properties that bound connecting and logging in; both drivers take them, in seconds. */
    public static Map<String, String> timeouts(int seconds) {
        return Map.of("connectTimeout", String.valueOf(seconds), "loginTimeout", String.valueOf(seconds));
    }

    /** The URL with the database path replaced, query parameters kept. */
    @Override
    public String url(String database) {
        String rest = url.substring("jdbc:".length());
        URI uri = URI.create(rest);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
    }

    @Override
    public boolean isRedshift() {
        return url.startsWith("jdbc:redshift:");
    }

    /**
     * On Redshift: DROP DATABASE name FORCE, which ends the database's sessions first; Redshift has no IF EXISTS
     * there (docs: DROP DATABASE).
     */
    @Override
    public String dropDatabase(String database) {
        return isRedshift() ? "DROP DATABASE " + database + " FORCE" : ThrowawayServer.super.dropDatabase(database);
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    /**
     * Drops the throwaway databases that killed runs left on this server (their markers name them), before this run
     * makes its own.
     */
    public void reapLeftovers() throws SQLException {
        try (Connection admin = adminConnection()) {
            Leftovers.reapDatabases(masked(url), admin, this::dropDatabase);
        } catch (IOException e) {
            // No marker folder to read: nothing recorded to reap.
        }
    }

    @Override
    public synchronized void made(String database) {
        try {
            if (leftovers == null) {
                leftovers = Leftovers.mark("external", masked(url));
            }
            leftovers.addDatabase(database);
        } catch (IOException | UncheckedIOException e) {
            // Without a marker a killed run's database stays; everything else works as before.
        }
    }

    @Override
    public synchronized void dropped(String database) {
        try {
            if (leftovers != null && leftovers.removeDatabase(database)) {
                leftovers = null;
            }
        } catch (UncheckedIOException e) {
            // The next run finds the database already dropped.
        }
    }

    @Override
    public String howToConnect(String database) {
        return "connect to " + masked(url(database)) + " as " + user;
    }

    /** The URL with any password parameter masked, for messages. */
    public static String masked(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    @Override
    public String toString() {
        return "server " + masked(url);
    }
}
