package io.github.rsevolve.core.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A database server in which validate may create and drop throwaway databases. */
public interface ThrowawayServer {

    /** A connection to the server's maintenance database, for CREATE and DROP DATABASE. */
    Connection adminConnection() throws SQLException;

    /** A connection to a database of this server. */
    Connection connect(String database) throws SQLException;

    /** The JDBC URL of a database, without credentials, for messages and Flyway. */
    String url(String database);

    String user();

    /** The password, for Flyway's data source only; never logged. */
    String password();

    /** How a person connects to a database kept for inspection, e.g. a psql command line; no password. */
    String howToConnect(String database);

    /**
     * Whether this is a Redshift cluster (or Serverless workgroup): its databases take the project's SQL as it is,
     * with no translation and no stand-in preparation.
     */
    default boolean isRedshift() {
        return false;
    }

    /** The statement that drops a database of this server, ending the sessions still on it. */
    default String dropDatabase(String database) {
        // WITH (FORCE) ends sessions a failed build left open (PostgreSQL 13+).
        return "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)";
    }

    /** A database was made here: a server that outlives this run remembers it, in case the run is killed. */
    default void made(String database) {
    }

    /** A database made here was dropped. */
    default void dropped(String database) {
    }
}
