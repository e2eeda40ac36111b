package io.github.rsevolve.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rsevolve.core.changes.RegenerateTestSupport;
import io.github.rsevolve.core.validate.ValidateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server lets in only the JVM that started it: nobody else on the machine can log in while a validate
 * runs, as the same OS user without the password or as another OS user.
 */
class EmbeddedServerLockTest {

    @TempDir
    Path project;

    /** A validate that is still building when the attempts are made: its changeset sleeps. */
    private CompletableFuture<ValidateResult> slowValidate() throws Exception {
        RegenerateTestSupport.write(project, "absolute/t.sql", "CREATE TABLE public.t (id INT);");
        RegenerateTestSupport.write(project, "incremental/V1__t.sql",
                "CREATE TABLE public.t (id INT);\nSELECT pg_sleep(4);");
        CompletableFuture<ValidateResult> running = CompletableFuture.supplyAsync(
                () -> RegenerateTestSupport.validate(project));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (throwawayDatabases() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(2, throwawayDatabases(), "the validate is building");
        return running;
    }

    private static long throwawayDatabases() throws Exception {
        return EmbeddedDatabases.count("rse\\_validate\\_%");
    }

    private static SQLException login(String password) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        String url = EmbeddedServer.shared().url("postgres").replaceFirst("\\?.*$", "");
        return assertThrows(SQLException.class, () -> DriverManager.getConnection(url, properties).close());
    }

    @Test
    void aLoginWithoutThePasswordIsRefusedDuringAValidate() throws Exception {
        CompletableFuture<ValidateResult> running = slowValidate();
        SQLException wrong = login("postgres");
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("password authentication failed for user \"postgres\""),
                wrong.getMessage());
        SQLException none = login(null);
        assertTrue(none.getMessage().contains("The server requested SCRAM-based authentication"), none.getMessage());
        assertEquals(List.of(), running.get(60, TimeUnit.SECONDS).findings(), "the validate itself goes on");
    }

    @Test
    void itAcceptsNoLocalTrustAndOpensNoUnixSocket() throws Exception {
        try (Connection admin = EmbeddedServer.shared().adminConnection(
                ); Statement statement = admin.createStatement()) {
            try (ResultSet rules = statement.executeQuery("SELECT count(*) FILTER (WHERE auth_method <> "
                    + "'scram-sha-256'), count(*) FROM pg_hba_file_rules")) {
                rules.next();
                assertEquals(0, rules.getLong(1), "every pg_hba.conf line asks for a SCRAM password");
                assertNotEquals(0, rules.getLong(2));
            }
            try (ResultSet sockets = statement.executeQuery("SHOW unix_socket_directories")) {
                sockets.next();
                assertEquals("", sockets.getString(1));
            }
            try (ResultSet listen = statement.executeQuery("SHOW listen_addresses")) {
                listen.next();
                assertEquals("localhost", listen.getString(1));
            }
        }
    }

    /** As root, psql runs as the unprivileged user nobody, the way another account on a CI runner would try. */
    @Test
    void anotherOsUserCannotLogInDuringAValidate() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/psql"))
                && Files.isExecutable(Path.of("/usr/sbin/runuser")), "needs root, psql and runuser");
        CompletableFuture<ValidateResult> running = slowValidate();
        String port = EmbeddedServer.shared().url("postgres").replaceAll(".*localhost:(\\d+)/.*", "$1");
        Process psql = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", "/usr/bin/psql", "-w", "-X",
                "-h", "localhost", "-p", port, "-U", "postgres", "-d", "postgres", "-c", "SELECT 1")
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        assertTrue(psql.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, psql.exitValue(), output);
        assertTrue(output.contains("no password supplied"), output);
        assertEquals(List.of(), running.get(60, TimeUnit.SECONDS).findings(), "the validate itself goes on");
    }
}
