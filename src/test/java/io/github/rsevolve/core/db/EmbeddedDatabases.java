package io.github.rsevolve.core.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** What the embedded server holds, for tests that check what a build leaves behind. */
public final class EmbeddedDatabases {

    private EmbeddedDatabases() {
    }

    /** How many databases of the embedded server have a name LIKE the pattern. */
    public static long count(String likePattern) throws Exception {
        try (Connection admin = EmbeddedServer.shared().adminConnection();
             Statement statement = admin.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE '"
                     + likePattern + "'")) {
            result.next();
            return result.getLong(1);
        }
    }
}
