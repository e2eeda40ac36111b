package io.github.rsevolve.core.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A freshly created database with a unique name ({@code rse_<goal>_<random>}), dropped on close, and also when the
 * JVM is stopped (Ctrl-C) before that. With keep, it is left for inspection.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<ThrowawayDatabase> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Open databases at exit: the run was interrupted (a finished run has closed them).
            if (!OPEN.isEmpty()) {
                Interruption.begin();
                OPEN.forEach(ThrowawayDatabase::dropQuietly);
            }
        }, "redshift-throwaway-cleanup"));
    }

    private final ThrowawayServer server;
    private final String name;
    private final boolean keep;

    private ThrowawayDatabase(ThrowawayServer server, String name, boolean keep) {
        this.server = server;
        this.name = name;
        this.keep = keep;
    }

    /** Creates a database named rse_goal_random on the server. */
    public static ThrowawayDatabase create(ThrowawayServer server, String goal, boolean keep) throws SQLException {
        String name = "rse_" + goal.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        if (!keep) {
            // Recorded before it exists, so a kill between the two cannot leave it unnamed (reaping drops IF EXISTS).
            server.made(name);
        }
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            server.dropped(name);
            throw e;
        }
        ThrowawayDatabase database = new ThrowawayDatabase(server, name, keep);
        if (!keep) {
            OPEN.add(database);
        }
        return database;
    }

    public String name() {
        return name;
    }

    public ThrowawayServer server() {
        return server;
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    public String url() {
        return server.url(name);
    }

    @Override
    public void close() throws SQLException {
        if (keep) {
            return;
        }
        // Still listed while it is dropped: a shutdown hook that starts meanwhile drops it too, instead of passing
        // over it and letting the JVM halt before this drop completes.
        try {
            drop();
        } finally {
            OPEN.remove(this);
        }
    }

    private void drop() throws SQLException {
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute(server.dropDatabase(name));
        }
        server.dropped(name);
    }

    private void dropQuietly() {
        try {
            drop();
        } catch (SQLException e) {
            // The JVM is exiting; nothing more can be done here.
        }
    }

    @Override
    public String toString() {
        return name + " on " + server;
    }
}
