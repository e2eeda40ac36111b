package io.github.rsevolve.core.execute;

import io.github.rsevolve.core.project.Changeset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;

/**
 * The one Flyway set-up that validate's build B and migrate share: the changesets as Flyway's SQL migrations,
 * resolved by the plugin rather than scanned, Flyway's log into Maven's (SLF4J).
 */
public final class ChangesetFlyway {

    private ChangesetFlyway() {
    }

    /**
     * @param runners makes the statement runner for a migration's connection
     * @param group   apply all changesets in one transaction (only when each can run in one)
     */
    public static Flyway configure(String url, String user, String password, String historyTable,
                                   List<Changeset> changesets, Function<Connection, StatementRunner> runners,
                                   boolean group, Callback... callbacks) {
        return configuration(url, user, password, historyTable, List.of(), changesets, runners, group, callbacks)
                .load();
    }

    /**
     * The configuration, with Flyway's managed schemas (the history table lives in the first), for a caller to add
     * options to before it loads it.
     */
    public static FluentConfiguration configuration(String url, String user, String password, String historyTable,
                                                    List<String> schemas, List<Changeset> changesets,
                                                    Function<Connection, StatementRunner> runners, boolean group,
                                                    Callback... callbacks) {
        List<ChangesetMigration> migrations = changesets.stream().filter(Changeset::isWellNamed)
                .map(c -> new ChangesetMigration(c, runners::apply)).toList();
        MigrationResolver resolver = context -> List.<ResolvedMigration>copyOf(migrations);
        FluentConfiguration configuration = Flyway.configure(ChangesetFlyway.class.getClassLoader())
                .dataSource(url, user, password)
                .table(historyTable)
                .resolvers(resolver)
                .skipDefaultResolvers(true)
                .skipDefaultCallbacks(true)
                .locations("filesystem:" + NO_LOCATION)
                .callbacks(callbacks)
                // Into Maven's log, which binds SLF4J, rather than to standard error.
                .loggers("slf4j")
                .group(group && migrations.stream().allMatch(ChangesetMigration::canExecuteInTransaction))
                // Changesets with statements Redshift cannot run in a transaction run without one.
                .mixed(true);
        if (!schemas.isEmpty()) {
            configuration.schemas(schemas.toArray(String[]::new));
        }
        return configuration;
    }

    /**
     * Applies what Flyway would, in Flyway's order, on one connection in one transaction, without what Flyway does
     * around each changeset (restoring the session's role and path, checking its schema, re-reading and adding to
     * the history): seven round trips a changeset, most of build B's time beside the SQL itself. For a throwaway
     * build, which needs the schema and not the history. Flyway still resolves, orders and checks the changesets
     * (its info); the one runner puts each file's search_path in effect, as Flyway's restoring the path between
     * changesets would.
     *
     * @return false, having applied nothing, when Flyway would not run them as one group: a changeset that cannot
     *         run in a transaction, or one Flyway does not list as pending; the caller migrates with Flyway then
     */
    public static boolean applyAsOneGroup(Flyway flyway, List<Changeset> changesets, Connection connection,
                                          StatementRunner runner) throws SQLException {
        if (!flyway.getConfiguration().isGroup() || connection.getAutoCommit()) {
            return false;
        }
        Map<String, Changeset> byScript = new HashMap<>();
        for (Changeset changeset : changesets) {
            if (changeset.isWellNamed()) {
                byScript.put(changeset.flywayScript(), changeset);
            }
        }
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length != byScript.size()
                || !Arrays.stream(pending).map(MigrationInfo::getScript).allMatch(byScript::containsKey)) {
            return false;
        }
        for (MigrationInfo migration : pending) {
            ChangesetMigration.apply(byScript.get(migration.getScript()), runner, connection);
        }
        return true;
    }

    /** An empty folder as Flyway's location: the changesets are given, nothing is to be scanned. */
    private static final Path NO_LOCATION = emptyFolder();

    private static Path emptyFolder() {
        try {
            Path folder = Files.createTempDirectory("rse-flyway-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
