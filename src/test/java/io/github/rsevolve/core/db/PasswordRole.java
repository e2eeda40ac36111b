package io.github.rsevolve.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A role of the embedded server that must give its password: the server trusts local users, so this edits its
 * pg_hba.conf for the role, and restores it on close.
 */
public final class PasswordRole implements AutoCloseable {

    private final String name;
    private final Path hbaFile;
    private final String hba;

    private PasswordRole(String name, Path hbaFile, String hba) {
        this.name = name;
        this.hbaFile = hbaFile;
        this.hba = hba;
    }

    public static PasswordRole create(String name, String password, boolean createDatabase)
            throws IOException, SQLException {
        try (Connection admin = EmbeddedServer.shared().adminConnection(); Statement statement = admin.createStatement();
             ResultSet file = admin.createStatement().executeQuery("SHOW hba_file")) {
            file.next();
            Path hbaFile = Path.of(file.getString(1));
            String hba = Files.readString(hbaFile);
            statement.execute("DROP ROLE IF EXISTS " + name);
            statement.execute("CREATE ROLE " + name + " LOGIN " + (createDatabase ? "CREATEDB " : "")
                    + "PASSWORD '" + password + "'");
            Files.writeString(hbaFile, "host all " + name + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + name + " ::1/128 scram-sha-256\n" + hba);
            statement.execute("SELECT pg_reload_conf()");
            return new PasswordRole(name, hbaFile, hba);
        }
    }

    /** The embedded server's maintenance database URL, without the user the embedded URLs carry. */
    public static String url() throws IOException {
        return EmbeddedServer.shared().url("postgres").replaceFirst("\\?.*$", "");
    }

    @Override
    public void close() throws IOException, SQLException {
        try (Connection admin = EmbeddedServer.shared().adminConnection();
             Statement statement = admin.createStatement()) {
            Files.writeString(hbaFile, hba);
            statement.execute("SELECT pg_reload_conf()");
            statement.execute("DROP ROLE " + name);
        }
    }
}
