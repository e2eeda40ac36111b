package io.github.rsevolve.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.db.EmbeddedDatabases;
import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.lint.LintSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL runs no shutdown hook, so a killed validate leaves its embedded server, or its databases on an external
 * server. Five kills of each, then one normal run of each: no server process, database or temp folder is left.
 */
class KilledValidateLeftoversTest {

    private static final int KILLS = 5;

    @TempDir
    Path project;

    /** The child: validate with a changeset that sleeps, on its own embedded server or the server at args[1]. */
    public static void main(String[] args) {
        LintSettings lint = RegenerateTestSupport.settings(Path.of(args[0]));
        String url = args.length > 1 ? args[1] : null;
        ValidateResult result = Validator.run(new ValidateSettings(lint, url, url == null ? null : "postgres",
                url == null ? null : EmbeddedLogin.password(), false, 120, "flyway_schema_history"));
        System.out.println("validated: " + result.findings().size() + " finding(s)");
        // Beside the log, which an interruption silences: what the run would report.
        try {
            Files.write(Path.of(args[0], "findings.txt"), result.findings().stream().map(Finding::toString).toList());
        } catch (java.io.IOException e) {
            System.exit(2);
        }
        System.exit(0);
    }

    private Process child(Path log, String... url) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"),
                KilledValidateLeftoversTest.class.getName(), project.toString()));
        command.addAll(List.of(url));
        return EmbeddedLogin.handOver(new ProcessBuilder(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** How many databases the server of a child's marker holds (template0, template1, postgres and its own). */
    private static long databaseFolders(String marker) {
        String folder = marker.lines().filter(l -> l.startsWith("embedded=")).map(l -> l.substring(9)
                .replace("\\:", ":").replace("\\\\", "\\")).findFirst().orElse(null);
        if (folder == null) {
            return 0;
        }
        try (Stream<Path> databases = Files.list(Path.of(folder, "data", "base"))) {
            return databases.count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Whether the marker names two databases and both exist on this JVM's embedded server. */
    private static boolean databasesExist(String marker) {
        List<String> names = marker.lines().filter(l -> l.startsWith("databases=")).findFirst()
                .map(l -> List.of(l.substring("databases=".length()).split(","))).orElse(List.of());
        String existing = "," + databaseNames() + ",";
        return names.size() == 2 && names.stream().allMatch(name -> existing.contains("," + name + ","));
    }

    private static String databaseNames() {
        try (var admin = EmbeddedServer.shared().adminConnection(); var statement = admin.createStatement();
             var result = statement.executeQuery("SELECT string_agg(datname, ',') FROM pg_database")) {
            result.next();
            return result.getString(1);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String markers() {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "rse-runs-" + System.getProperty("user.name"));
        try (Stream<Path> markers = Files.list(folder)) {
            return markers.map(KilledValidateLeftoversTest::log).toList().toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String described(Set<Long> pids) {
        return pids.stream().map(pid -> pid + " " + ProcessHandle.of(pid).flatMap(p -> p.info().arguments())
                .map(a -> String.join(" ", a)).orElse("?")).toList().toString();
    }

    /** The postgres server processes on this machine. */
    private static Set<Long> postmasters() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe"))
                        .orElse(false))
                .filter(p -> p.parent().map(parent -> !parent.info().command().orElse("").endsWith("postgres"))
                        .orElse(true))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static Set<String> embeddedFolders() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("rse-embedded-"))
                    .collect(Collectors.toSet());
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Supplier<String> what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean met = condition.getAsBoolean();
        while (!met && System.nanoTime() < deadline) {
            Thread.sleep(100);
            met = condition.getAsBoolean();
        }
        assertTrue(met, what);
    }

    /** The marker the child wrote, or "" before it wrote one. */
    private static String markerOf(Process child) {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "rse-runs-" + System.getProperty("user.name"));
        try (Stream<Path> markers = Files.list(folder)) {
            return markers.filter(m -> m.getFileName().toString().startsWith(child.pid() + "-")
                            && m.getFileName().toString().endsWith(".marker"))
                    .map(KilledValidateLeftoversTest::log).findFirst().orElse("");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static long throwawayDatabases() {
        try {
            return EmbeddedDatabases.count("rse\\_validate\\_%");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fiveKillsOfEachLeaveNothingAfterOneNormalRun() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__slow.sql"), "CREATE TABLE public.t (id INT);\nSELECT pg_sleep(60);");
        String external = EmbeddedServer.shared().url("postgres").replaceFirst("\\?.*$", "");
        EmbeddedServer.reapLeftovers();
        Set<Long> serversBefore = postmasters();
        Set<String> foldersBefore = embeddedFolders();
        long databasesBefore = throwawayDatabases();

        for (int kill = 0; kill < KILLS; kill++) {
            Set<String> folders = embeddedFolders();
            Path embeddedLog = project.resolve("embedded" + kill + ".log");
            Process embedded = child(embeddedLog);
            // Killed while it builds: its server has made the two throwaway databases (a folder each in base/).
            awaitTrue(() -> databaseFolders(markerOf(embedded)) >= 5,
                    () -> "the child's embedded server made its databases: " + log(embeddedLog));
            embedded.destroyForcibly();
            assertTrue(embedded.waitFor(30, TimeUnit.SECONDS));

            Path externalLog = project.resolve("external" + kill + ".log");
            Process onExternal = child(externalLog, external);
            // Its marker names its two databases once it has made them (it drops those an earlier kill left first).
            awaitTrue(() -> databasesExist(markerOf(onExternal)),
                    () -> "the child made its databases: " + log(externalLog));
            onExternal.destroyForcibly();
            assertTrue(onExternal.waitFor(30, TimeUnit.SECONDS));
        }
        // Each run reaps what the runs killed before it left, so the last kill's server and databases are left.
        assertTrue(postmasters().size() > serversBefore.size(), () -> "the last killed run left its server: "
                + described(postmasters()) + " against " + serversBefore);
        assertTrue(throwawayDatabases() > databasesBefore, () -> "and its databases: " + databaseNames() + " "
                + markers());

        Files.writeString(incremental.resolve("V1__slow.sql"), "CREATE TABLE public.t (id INT);");
        for (String[] url : List.of(new String[0], new String[] {external})) {
            Process normal = child(project.resolve("normal" + url.length + ".log"), url);
            assertTrue(normal.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, normal.exitValue(), Files.readString(project.resolve("normal" + url.length + ".log")));
        }
        awaitTrue(() -> postmasters().equals(serversBefore), () -> "no server of a killed run is left: "
                + postmasters() + " against " + serversBefore);
        assertEquals(databasesBefore, throwawayDatabases(), () -> "no database of a killed run is left: "
                + databaseNames() + " markers " + markers());
        assertEquals(foldersBefore, embeddedFolders(), "no folder of a killed run is left");
    }

    /**
     * SIGTERM (Ctrl-C, a cancelled CI job) runs the shutdown hooks: the databases are dropped, one line says so, and
     * what the build thread then fails on is neither logged nor reported as a finding.
     */
    @Test
    void aTerminatedValidateSaysSoInOneLineAndReportsNoFinding() throws Exception {
        Path incremental = Files.createDirectories(project.resolve("src/main/redshift/incremental"));
        Files.writeString(incremental.resolve("V1__slow.sql"), "CREATE TABLE public.t (id INT);\nSELECT pg_sleep(60);");
        String external = EmbeddedServer.shared().url("postgres").replaceFirst("\\?.*$", "");
        long databasesBefore = throwawayDatabases();
        Path log = project.resolve("terminated.log");
        Process terminated = child(log, external);
        awaitTrue(() -> databasesExist(markerOf(terminated)), () -> "the child made its databases: " + log(log));
        terminated.destroy();
        assertTrue(terminated.waitFor(60, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        int interrupted = lines.indexOf("[redshift] Interrupted: the throwaway databases are dropped; nothing is "
                + "reported after this line.");
        assertEquals(lines.size() - 1, interrupted, "the one line comes last: " + lines);
        assertTrue(lines.stream().noneMatch(line -> line.contains("Exception") || line.startsWith("\tat ")),
                lines.toString());
        Path findings = project.resolve("findings.txt");
        assertTrue(!Files.exists(findings) || Files.readAllLines(findings).isEmpty(),
                () -> "no finding of the interruption: " + log(findings));
        awaitTrue(() -> throwawayDatabases() == databasesBefore, () -> "its databases are dropped: " + databaseNames());
    }
}
