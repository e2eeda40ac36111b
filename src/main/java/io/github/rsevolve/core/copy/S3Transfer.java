package io.github.rsevolve.core.copy;

import io.github.rsevolve.core.sql.SqlText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Copies between two Redshift clusters through S3: UNLOAD on the source writes the rows under the staging
 * location, COPY on the target loads exactly those files (by the manifest UNLOAD wrote), inside the target's
 * transaction. Both statements are shown in the log before they run.
 */
final class S3Transfer implements Transfer {

    /** The pair of statements that moves one table. */
    record Statements(String unload, String copy) {
    }

    /**
     * Both sides read and write the same text format: pipe-delimited, ESCAPE before every delimiter, newline,
     * carriage return and backslash in the data, so any VARCHAR survives, and NULL as \N, which an escaped value can
     * never be (docs: UNLOAD, "If you loaded your data using a COPY with the ESCAPE parameter, you must also specify
     * the ESCAPE parameter with your UNLOAD command to generate the reciprocal output file"). GZIP keeps the files
     * small.
     */
    private static final String FORMAT = "DELIMITER '|' ESCAPE NULL AS '\\\\N' GZIP";

    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final S3Staging staging;
    private final String folder;
    private final Consumer<String> log;

    S3Transfer(S3Staging staging, String from, String to, Instant started, Consumer<String> log) {
        this.staging = staging;
        this.folder = runFolder(staging, from, to, started);
        this.log = log;
    }

    /** One folder per run, so a run never reads another's files: from-to-to/yyyyMMddTHHmmssZ/. */
    static String runFolder(S3Staging staging, String from, String to, Instant started) {
        return staging.location() + from + "-to-" + to + "/" + RUN.format(started) + "/";
    }

    /** UNLOAD of the plan's rows into the table's folder, and the COPY that loads them. */
    static Statements statements(S3Staging staging, String runFolder, CopyPlan plan) {
        String tableFolder = runFolder + plan.table() + "/";
        String region = staging.region() == null || staging.region().isBlank() ? ""
                : "\nREGION " + SqlText.redshiftLiteral(staging.region());
        String unload = "UNLOAD (" + SqlText.redshiftLiteral(plan.select()) + ")\nTO "
                + SqlText.redshiftLiteral(tableFolder) + "\nIAM_ROLE " + role(staging.unloadRole()) + "\n" + FORMAT
                + " MANIFEST" + region;
        // EXPLICIT_IDS: the source's IDENTITY values are kept, not generated anew (docs: COPY, EXPLICIT_IDS).
        // COMPUPDATE OFF: the encodings stay as the changesets made them (docs: COPY, COMPUPDATE).
        // TIMEFORMAT 'auto': UNLOAD writes fractional seconds and time zone offsets, which 'auto' reads.
        String copy = "COPY " + plan.quotedTable() + " (" + plan.columnList() + ")\nFROM "
                + SqlText.redshiftLiteral(tableFolder + "manifest") + "\nIAM_ROLE " + role(staging.copyRole())
                + "\nMANIFEST " + FORMAT + " TIMEFORMAT 'auto' COMPUPDATE OFF"
                + (plan.identity() ? " EXPLICIT_IDS" : "") + region;
        return new Statements(unload, copy);
    }

    /** IAM_ROLE default takes the role set as the cluster's default; any other is an ARN in quotes. */
    private static String role(String role) {
        return role.equalsIgnoreCase("default") ? "default" : SqlText.redshiftLiteral(role);
    }

    /**
     * Unloads on the source first, so the target's transaction holds its lock only while COPY loads. When the filter
     * leaves no rows, the target is emptied without a COPY: a manifest of no files is nothing to load.
     */
    @Override
    public long copy(Connection source, Connection target, CopyPlan plan) throws SQLException {
        Statements sql = statements(staging, folder, plan);
        log.accept("UNLOAD on the source:\n" + sql.unload());
        long unloaded;
        try (Statement unload = source.createStatement()) {
            unload.execute(sql.unload());
            // The rows the last UNLOAD of this session wrote (docs: PG_LAST_UNLOAD_COUNT).
            unloaded = count(unload, "SELECT pg_last_unload_count()");
        }
        if (unloaded == 0) {
            log.accept("No rows to load: " + plan.table() + " is emptied.");
            return CopyTransactions.replace(target, plan.quotedTable(), open -> 0);
        }
        log.accept("COPY on the target:\n" + sql.copy());
        return CopyTransactions.replace(target, plan.quotedTable(), open -> {
            try (Statement copy = open.createStatement()) {
                copy.execute(sql.copy());
                // The rows the last COPY of this session loaded (docs: PG_LAST_COPY_COUNT).
                return count(copy, "SELECT pg_last_copy_count()");
            }
        });
    }

    private static long count(Statement statement, String query) throws SQLException {
        try (ResultSet count = statement.executeQuery(query)) {
            count.next();
            return count.getLong(1);
        }
    }
}
