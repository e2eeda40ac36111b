package io.github.rsevolve.core.copy;

import java.sql.Connection;
import java.sql.SQLException;

/** A way to move one table's rows from the source into the target, replacing the target's rows in one transaction. */
interface Transfer {

    /** The rows written to the target. */
    long copy(Connection source, Connection target, CopyPlan plan) throws SQLException;
}
