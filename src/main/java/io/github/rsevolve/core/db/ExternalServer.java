package io.github.rsevolve.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server or Redshift cluster the user provides (redshift.throwawayUrl). The URL names the maintenance
 * database; throwaway databases are created beside it.
 */
public final class ExternalServer implements ThrowawayServer {

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
        Properties properties = new Properties();
        properties.setProperty("user", user == null ? "" : user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(jdbcUrl, properties);
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
            Leftovers.reapDatabases(masked(url), admin);
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
