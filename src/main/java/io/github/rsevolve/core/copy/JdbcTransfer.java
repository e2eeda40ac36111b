package io.github.rsevolve.core.copy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams a table's rows over JDBC: read through a cursor, a batch of rows at a time, and written with
 * PostgreSQL's COPY FROM STDIN or, into Redshift, with multi-row INSERTs. No table is ever held in memory.
 */
final class JdbcTransfer implements Transfer {

    /** The wire protocol counts a statement's parameters in 16 bits (PostgreSQL's and Redshift's alike). */
    private static final int MAX_PARAMETERS = 32_767;

    private final int batchRows;
    private final boolean postgresTarget;

    JdbcTransfer(int batchRows, boolean postgresTarget) {
        this.batchRows = batchRows;
        this.postgresTarget = postgresTarget;
    }

    @Override
    public long copy(Connection source, Connection target, CopyPlan plan) throws SQLException {
        boolean sourceAutoCommit = source.getAutoCommit();
        // With autocommit off, both drivers read through a cursor, fetchSize rows at a time; READ ONLY, so the
        // source cannot be changed by the read (docs: BEGIN ... READ ONLY).
        source.setReadOnly(true);
        source.setAutoCommit(false);
        try (Statement read = source.createStatement()) {
            read.setFetchSize(batchRows);
            try (ResultSet rows = read.executeQuery(plan.select())) {
                return CopyTransactions.replace(target, plan.quotedTable(), open -> postgresTarget
                        ? copyIn(open, plan, rows) : insertBatches(open, plan, rows));
            }
        } finally {
            CopyTransactions.end(source, sourceAutoCommit);
        }
    }

    /** PostgreSQL's COPY FROM STDIN in its text format, a batch of rows per write. */
    private long copyIn(Connection target, CopyPlan plan, ResultSet rows) throws SQLException {
        CopyIn copy = target.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + plan.quotedTable() + " (" + plan.columnList() + ") FROM STDIN");
        int width = rows.getMetaData().getColumnCount();
        long count = 0;
        StringBuilder batch = new StringBuilder();
        try {
            while (rows.next()) {
                for (int i = 1; i <= width; i++) {
                    String value = rows.getString(i);
                    if (value == null) {
                        batch.append("\\N");
                    } else {
                        escape(value, batch);
                    }
                    batch.append(i < width ? '\t' : '\n');
                }
                if (++count % batchRows == 0) {
                    write(copy, batch);
                }
            }
            write(copy, batch);
            copy.endCopy();
            return count;
        } catch (SQLException | RuntimeException e) {
            // The failure to report is this one, not the cancel's on a connection that may be gone.
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException cancel) {
                e.addSuppressed(cancel);
            }
            throw e;
        }
    }

    private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }

    /** COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** Multi-row INSERTs of a batch of rows each, the fastest way into Redshift without S3. */
    private long insertBatches(Connection target, CopyPlan plan, ResultSet rows) throws SQLException {
        int width = rows.getMetaData().getColumnCount();
        int rowsPerInsert = Math.max(1, Math.min(batchRows, MAX_PARAMETERS / width));
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        List<Object[]> batch = new ArrayList<>();
        long count = 0;
        while (rows.next()) {
            Object[] values = new Object[width];
            for (int i = 0; i < width; i++) {
                values[i] = rows.getObject(i + 1);
            }
            batch.add(values);
            count++;
            if (batch.size() == rowsPerInsert) {
                insert(target, plan, row, batch);
            }
        }
        insert(target, plan, row, batch);
        return count;
    }

    private static void insert(Connection target, CopyPlan plan, String row, List<Object[]> batch)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + plan.quotedTable() + " (" + plan.columnList() + ") VALUES "
                + String.join(", ", Collections.nCopies(batch.size(), row));
        try (PreparedStatement insert = target.prepareStatement(sql)) {
            int parameter = 1;
            for (Object[] values : batch) {
                for (Object value : values) {
                    insert.setObject(parameter++, value);
                }
            }
            insert.executeUpdate();
        }
        batch.clear();
    }
}
