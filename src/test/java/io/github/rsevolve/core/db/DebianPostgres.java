package io.github.rsevolve.core.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of another major version than the embedded one: Debian's postgresql package
 * (/usr/lib/postgresql/N/bin), run as the postgres OS user in a folder of its own on a free port, with a password.
 * For tests that compare what two servers print; they skip themselves where the package or runuser is missing.
 */
public final class DebianPostgres implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String PASSWORD = "debian-test-" + Long.toHexString(System.nanoTime());

    private final Path bin;
    private final Path folder;
    private final int port;

    private DebianPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** The newest installed major version's bin folder, if it can be run here (as root, through runuser). */
    public static Optional<Path> installation() {
        if (!Files.isDirectory(INSTALLATIONS) || !Files.isExecutable(Path.of("/usr/sbin/runuser"))
                || !"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static DebianPostgres start(Path bin) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("rse-debian-postgres-");
        Path data = folder.resolve("data");
        Path passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        run("chown", "-R", "postgres", folder.toString());
        run("/usr/sbin/runuser", "-u", "postgres", "--", bin.resolve("initdb").toString(), "-D", data.toString(),
                "-U", "postgres", "--pwfile", passwordFile.toString(), "--auth", "scram-sha-256", "-E", "UTF8",
                "--locale", "C");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        run("/usr/sbin/runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", folder.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories='' -c fsync=off", "start");
        return new DebianPostgres(bin, folder, port);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", List.of(command)) + " failed: " + output);
        }
    }

    /** The major version, e.g. 15. */
    public int majorVersion() {
        return Integer.parseInt(bin.getParent().getFileName().toString());
    }

    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String password() {
        return PASSWORD;
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection admin = ExternalServer.connect(url("postgres"), "postgres", PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("/usr/sbin/runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D",
                folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        run("rm", "-rf", folder.toString());
    }
}
