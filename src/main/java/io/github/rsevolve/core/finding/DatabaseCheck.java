package io.github.rsevolve.core.finding;

import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SourcePosition;
import io.github.rsevolve.core.sql.SqlStatement;

/** The checks validate makes with a database, reported with the same finding format as lint. */
public enum DatabaseCheck {

    BUILD_ERROR("RSV01", "build-error", Severity.ERROR,
            "A statement of the absolute model or the changesets fails on a freshly built database.",
            "The statement fails on a freshly built database, so a deploy with it fails too.",
            "Fix the statement; the database's own message says what it rejected."),
    DRIFT("RSV02", "drift", Severity.ERROR,
            "The absolute model and the changesets (or an environment) describe different objects.",
            "The absolute model and the changesets must describe the same schema, or the clusters built by the "
                    + "changesets are not what the repository says.",
            "Change the absolute model or write a changeset so that both agree."),
    ETL_ERROR("RSV03", "etl-error", Severity.ERROR,
            "An ETL statement does not compile or run against the schema the changesets build.",
            "The ETL query does not compile against the schema the changesets build, so it fails when it runs.",
            "Fix the query, or the changesets, so that they agree."),
    SKIPPED("RSV04", "skipped-statement", Severity.INFO,
            "A statement that is not checked on the PostgreSQL stand-in, with the reason.",
            "Some Redshift statements mean nothing on a throwaway PostgreSQL database.",
            "Nothing to do; run validate against a Redshift throwaway cluster to check these too."),
    LATE_BINDING("RSV05", "late-binding-unresolved", Severity.WARNING,
            "A late-binding view reads objects that do not exist where it is built.",
            "Redshift accepts a late-binding view over objects that do not exist yet; queries on it fail until "
                    + "they do.",
            "Make sure the objects exist where the view is used (external tables are not built here)."),
    DEPENDENCY_CYCLE("RSV06", "dependency-cycle", Severity.ERROR,
            "Views that read each other in a cycle.",
            "Objects that depend on each other in a cycle cannot be created in any order.",
            "Break the cycle: one of the views must not read the other."),
    DEPLOY_ERROR("RSV07", "deploy-error", Severity.ERROR,
            "The environment rejected a changeset during a deploy.",
            "The environment rejected the changeset; Flyway rolled it back where it ran in a transaction and "
                    + "applied nothing after it.",
            "Fix the statement and deploy again; the database's own message says what it rejected.");

    private final CheckInfo info;

    DatabaseCheck(String id, String checkName, Severity severity, String summary, String why, String fix) {
        this.info = new CheckInfo(id, checkName, severity, summary, why, fix);
    }

    public CheckInfo info() {
        return info;
    }

    public String checkName() {
        return info.name();
    }

    public Finding at(SqlStatement statement, String what) {
        return at(statement.file(), statement.startOffset(), what);
    }

    public Finding at(SourceFile file, int offset, String what) {
        SourcePosition position = file.position(offset);
        return info.finding(file.displayPath(), position.line(), position.column(), what);
    }
}
