package io.github.rsevolve.core.changes;

import java.util.List;

/**
 * The changes of one object in a draft, under a title.
 *
 * @param phase      where in the draft the group goes
 * @param title      the object and what happens to it, e.g. "dw.orders: columns and storage"
 * @param fileSuffix for a group in a changeset of its own, the end of that changeset's name
 * @param steps      the changes, one statement or a few that belong together each
 */
record DraftGroup(Phase phase, String title, String fileSuffix, List<Step> steps) {

    /** Where a group goes: the changeset's start, a changeset of its own, or its end. */
    enum Phase {
        /** Drops of views to recreate, new schemas and tables, changes of tables in place. */
        PREPARE,
        /** A statement Redshift cannot run in a transaction block, or a deep copy (one table per changeset). */
        OWN_CHANGESET,
        /** Views created or recreated, grants, comments, and drops of tables and schemas. */
        FINISH
    }

    /**
     * One change.
     *
     * @param why         why it is needed and how Redshift does it, for the comment above it
     * @param statements  the SQL without the final semicolon; lines that start with -- are notes
     * @param destructive whether it loses data or privileges; held back without allowDestructive
     * @param manual      what the author must still do, or null
     */
    record Step(String why, List<String> statements, boolean destructive, String manual) {

        Step(String why, String statement) {
            this(why, List.of(statement), false, null);
        }
    }

    DraftGroup(Phase phase, String title, List<Step> steps) {
        this(phase, title, null, steps);
    }
}
