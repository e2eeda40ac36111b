package io.github.rsevolve.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Starts, in a JVM of its own (exec:exec, before the invoker ITs), a PostgreSQL on a fixed port with databases qa
 * and pro, the two environments the migrate ITs deploy to through pgjdbc, and behind the Redshift wire proxy
 * qa_rs and pro_rs, the two they deploy to through redshift-jdbc42; flyway_pg and flyway_rs, where Flyway deploys
 * before the plugin. It stops when the build ends.
 */
public final class ItPostgres {

    /** The port the IT projects' profiles name. */
    public static final int PORT = 54329;

    /** The port of the Redshift wire proxy in front of it, for jdbc:redshift:// profiles. */
    public static final int REDSHIFT_PORT = 54330;

    private static EmbeddedPostgres server;
    private static RedshiftWireProxy proxy;

    private ItPostgres() {
    }

    public static void main(String[] args) throws Exception {
        server = EmbeddedPostgres.builder().setPort(PORT).setServerConfig("fsync", "off").start();
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE qa");
            statement.execute("CREATE DATABASE pro");
            statement.execute("CREATE DATABASE qa_rs");
            statement.execute("CREATE DATABASE pro_rs");
            // Where flyway-maven-plugin deploys first and the plugin takes over (IT migrate-from-flyway).
            statement.execute("CREATE DATABASE flyway_pg");
            statement.execute("CREATE DATABASE flyway_rs");
            // A cluster with views the absolute model lacks (IT regenerate-with-environment).
            statement.execute("CREATE DATABASE regen_rs");
            // Passwords as CI hands them over (ITs migrate-password-property, migrate-password-variable), and in
            // every setting at once under -X (migrate-debug-masks-secrets).
            statement.execute("CREATE DATABASE password_property");
            statement.execute("CREATE DATABASE password_variable");
            statement.execute("CREATE DATABASE debug_secrets");
            statement.execute("CREATE ROLE ci_deployer LOGIN SUPERUSER PASSWORD 'It-Env-Pw-0815'");
            statement.execute("CREATE ROLE deployer LOGIN SUPERUSER PASSWORD 'It-Secret-Pw-4711'");
        }
        // The clusters behind the proxy keep the translator's bookkeeping, as every stand-in does.
        for (String database : new String[] {"qa_rs", "pro_rs", "flyway_rs", "regen_rs"}) {
            try (Connection connection = server.getDatabase("postgres", database).getConnection()) {
                RedshiftWireProxy.prepareCluster(connection, database);
            }
        }
        proxy = new RedshiftWireProxy(REDSHIFT_PORT, PORT);
        System.out.println("IT PostgreSQL on " + PORT + ", Redshift wire proxy on " + REDSHIFT_PORT);
        // Serves until the build ends and destroys this process; the shutdown hooks stop the server.
        Thread.currentThread().join();
    }
}
