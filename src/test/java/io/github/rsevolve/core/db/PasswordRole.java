package io.github.rsevolve.core.db;

import io.github.rsevolve.core.sql.SqlText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A role of the embedded server with a password of its own, dropped on close. The server asks every role for a
 * SCRAM-SHA-256 password; an MD5 role (what a Redshift cluster's users have: redshift-jdbc42 speaks MD5, not SCRAM)
 * gets a pg_hba.conf line of its own, which close removes again.
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

    /** A SCRAM role that may log in, and with createDatabase create databases. */
    public static PasswordRole create(String name, String password, boolean createDatabase) throws SQLException,
            IOException {
        return create(name, password, createDatabase ? "CREATEDB" : "", "scram-sha-256");
    }

    /** A superuser with an MD5 password, the way a Redshift cluster's admin user logs in. */
    public static PasswordRole md5Superuser(String name, String password) throws SQLException, IOException {
        return create(name, password, "SUPERUSER", "md5");
    }

    private static PasswordRole create(String name, String password, String attributes, String method)
            throws IOException, SQLException {
        try (Connection admin = EmbeddedServer.shared().adminConnection(); Statement statement = admin.createStatement();
             ResultSet file = admin.createStatement().executeQuery("SHOW hba_file")) {
            file.next();
            Path hbaFile = Path.of(file.getString(1));
            String hba = Files.readString(hbaFile);
            statement.execute("DROP ROLE IF EXISTS " + name);
            statement.execute("SET password_encryption = " + SqlText.literal(method));
            statement.execute("CREATE ROLE " + name + " LOGIN " + attributes + " PASSWORD "
                    + SqlText.literal(password));
            statement.execute("RESET password_encryption");
            Files.writeString(hbaFile, "host all " + name + " 127.0.0.1/32 " + method + "\n"
                    + "host all " + name + " ::1/128 " + method + "\n" + hba);
            statement.execute("SELECT pg_reload_conf()");
            return new PasswordRole(name, hbaFile, hba);
        }
    }

    public String name() {
        return name;
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
