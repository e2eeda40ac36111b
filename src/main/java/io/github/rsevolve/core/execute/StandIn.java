package io.github.rsevolve.core.execute;

import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a PostgreSQL database read SQL as Redshift does: the one preparation validate's throwaway databases, a
 * stand-in environment of migrate, copy-data's connections and the tests use.
 */
public final class StandIn {

    private static final String COMPAT = RedshiftToPostgresTranslator.COMPAT_SCHEMA;

    private StandIn() {
    }

    /**
     * A throwaway database: backslash escapes in string literals (Redshift's default; docs: Literals), function
     * bodies not checked at CREATE time, the compatibility functions on the path, then the translator's
     * compatibility schema and bookkeeping.
     */
    public static void prepareThrowaway(ThrowawayDatabase database) throws SQLException {
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            String name = database.name();
            statement.execute("ALTER DATABASE " + name + " SET standard_conforming_strings = off");
            statement.execute("ALTER DATABASE " + name + " SET escape_string_warning = off");
            statement.execute("ALTER DATABASE " + name + " SET check_function_bodies = off");
            statement.execute("ALTER DATABASE " + name + " SET search_path = \"$user\", public, " + COMPAT);
            setUp(statement);
        }
    }

    /**
     * A stand-in environment needs the compatibility schema and bookkeeping once. Several deploys may start at
     * once: one prepares, the others wait for it and find it done.
     *
     * @return whether this call made them
     */
    public static boolean prepareEnvironment(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('redshift-maven-plugin prepare'))");
            try (ResultSet schema = statement.executeQuery(
                    "SELECT 1 FROM pg_namespace WHERE nspname = '" + COMPAT + "'")) {
                if (schema.next()) {
                    connection.rollback();
                    return false;
                }
            }
            setUp(statement);
            connection.commit();
            return true;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A session on a prepared stand-in: the compatibility functions on its search_path, if the stand-in has them. */
    public static void compatibilityOnPath(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(COMPATIBILITY_ON_PATH);
        }
    }

    /**
     * The statement behind {@link #compatibilityOnPath}: appends the compatibility schema to the session's path once,
     * so a connection that runs many changesets does not grow its path with each.
     */
    static final String COMPATIBILITY_ON_PATH = "SELECT set_config('search_path', current_setting('search_path') || '"
            + ", " + COMPAT + "', false) FROM pg_namespace WHERE nspname = '" + COMPAT
            + "' AND nspname <> ALL (current_schemas(false))";

    private static void setUp(Statement statement) throws SQLException {
        for (String sql : RedshiftToPostgresTranslator.setUp()) {
            statement.execute(sql);
        }
    }
}
