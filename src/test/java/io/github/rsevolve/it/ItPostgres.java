package io.github.rsevolve.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Starts, in the build's own JVM (exec:java, before the invoker ITs), a PostgreSQL on a fixed port with databases qa
 * and pro, the two environments the migrate ITs deploy to. It stops when the build ends.
 */
public final class ItPostgres {

    /** The port the IT projects' profiles name. */
    public static final int PORT = 54329;

    private static EmbeddedPostgres server;

    private ItPostgres() {
    }

    public static void main(String[] args) throws Exception {
        server = EmbeddedPostgres.builder().setPort(PORT).setServerConfig("fsync", "off").start();
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE qa");
            statement.execute("CREATE DATABASE pro");
            statement.execute("CREATE ROLE deployer LOGIN SUPERUSER PASSWORD 'It-Secret-Pw-4711'");
        }
    }
}
