package io.github.rsevolve.core.execute;

import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * An SQL callback beside the changesets, named as Flyway names them (afterMigrate.sql, beforeEachMigrate__log.sql,
 * ...): run at its event on Flyway's connection, statement by statement through the same translation and runner as
 * the changesets, so a failure is located in the file.
 */
public final class SqlCallback implements Callback {

    private final Changeset script;
    private final Event event;
    private final Function<Connection, StatementRunner> runners;

    private SqlCallback(Changeset script, Event event, Function<Connection, StatementRunner> runners) {
        this.script = script;
        this.event = event;
        this.runners = runners;
    }

    /** The callback a file of the incremental folder is, by Flyway's naming, if it is one. */
    public static Optional<SqlCallback> of(Changeset file, Function<Connection, StatementRunner> runners) {
        Event event = Changeset.callbackEvent(file.script().file().path().getFileName().toString());
        return event == null ? Optional.empty() : Optional.of(new SqlCallback(file, event, runners));
    }

    @Override
    public boolean supports(Event candidate, Context context) {
        return candidate == event;
    }

    @Override
    public boolean canHandleInTransaction(Event candidate, Context context) {
        return true;
    }

    @Override
    public void handle(Event candidate, Context context) {
        StatementRunner runner = runners.apply(context.getConnection());
        try {
            for (ParsedStatement statement : script.script().statements()) {
                if (!runner.run(statement, runner.failureCheck())) {
                    throw new ChangesetMigration.Failed(script, false);
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Callback " + script.flywayScript() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return script.flywayScript();
    }
}
