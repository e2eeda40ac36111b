package io.github.rsevolve.core.translate;

import io.github.rsevolve.core.db.EmbeddedServer;
import io.github.rsevolve.core.db.ThrowawayDatabase;
import io.github.rsevolve.core.execute.StandIn;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A throwaway database on the embedded server prepared as validate prepares one, and the translation tests use. */
public final class StandInDatabase {

    private StandInDatabase() {
    }

    static ThrowawayDatabase prepared(String name) {
        try {
            ThrowawayDatabase database = ThrowawayDatabase.create(EmbeddedServer.shared(), name, false);
            StandIn.prepareThrowaway(database);
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PostgreSQL statements Redshift SQL translates to, as validate and migrate translate it. */
    public static List<String> translated(String redshiftSql) {
        List<String> sql = new ArrayList<>();
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            for (SqlStatement statement : SqlSplitter.split(SourceFile.of(Path.of("case.sql"), "case.sql",
                    redshiftSql)).statements()) {
                ParsedStatement parsed = parser.parse(statement);
                sql.addAll(RedshiftToPostgresTranslator.translate(parsed).sql());
            }
        }
        return sql;
    }

    /** Runs Redshift SQL translated on the database: the rows of its queries, columns joined by "|". */
    public static List<String> rows(ThrowawayDatabase database, String redshiftSql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : translated(redshiftSql)) {
                if (statement.execute(sql)) {
                    try (ResultSet result = statement.getResultSet()) {
                        int columns = result.getMetaData().getColumnCount();
                        while (result.next()) {
                            List<String> row = new ArrayList<>();
                            for (int i = 1; i <= columns; i++) {
                                row.add(String.valueOf(result.getString(i)).strip());
                            }
                            rows.add(String.join("|", row));
                        }
                    }
                }
            }
        }
        return rows;
    }
}
