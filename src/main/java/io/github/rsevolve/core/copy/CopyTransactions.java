package io.github.rsevolve.core.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The target's rows replaced in one transaction, and connections left as they were, even when one died. */
final class CopyTransactions {

    /** Loads rows into the target inside the open transaction; the rows loaded. */
    interface Load {
        long into(Connection target) throws SQLException;
    }

    private CopyTransactions() {
    }

    /**
     * DELETE, load and COMMIT in one transaction, rolled back on any failure, so readers never see the table half
     * copied and a failed copy leaves the previous rows. DELETE rather than TRUNCATE, which commits at once on
     * Redshift (docs: TRUNCATE).
     */
    static long replace(Connection target, String quotedTable, Load load) throws SQLException {
        target.setAutoCommit(false);
        try {
            try (Statement clear = target.createStatement()) {
                clear.executeUpdate("DELETE FROM " + quotedTable);
            }
            long rows = load.into(target);
            target.commit();
            return rows;
        } finally {
            end(target, true);
        }
    }

    /**
     * Rolls back what is still open and restores autocommit and read-write. A connection that died mid-copy cannot
     * answer: the server has rolled its transaction back already, and the failure that killed it is the one to
     * report.
     */
    static void end(Connection connection, boolean autoCommit) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
            if (!connection.isClosed() && connection.isReadOnly()) {
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            // The connection is gone; see above.
        }
    }
}
