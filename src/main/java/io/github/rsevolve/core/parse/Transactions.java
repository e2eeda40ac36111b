package io.github.rsevolve.core.parse;

/**
 * Statements Redshift cannot run inside a transaction block (docs of each: ALTER TABLE ... ALTER COLUMN TYPE,
 * ALTER TABLE APPEND, VACUUM, CREATE/ALTER/DROP EXTERNAL TABLE, CREATE/DROP LIBRARY).
 */
public final class Transactions {

    private Transactions() {
    }

    /** What kind of non-transactional statement this is, or null. */
    public static String nonTransactional(ParsedStatement statement) {
        AlterTable alter = statement.alter();
        if (alter != null && alter.has(AlterTable.ActionType.ALTER_COLUMN_TYPE)) {
            return "ALTER TABLE ... ALTER COLUMN ... TYPE";
        }
        if (alter != null && alter.has(AlterTable.ActionType.APPEND)) {
            return "ALTER TABLE APPEND";
        }
        return switch (statement.kind()) {
            case VACUUM -> "VACUUM";
            case CREATE_EXTERNAL_TABLE -> "CREATE EXTERNAL TABLE";
            case ALTER_EXTERNAL_TABLE -> "ALTER EXTERNAL TABLE";
            case CREATE_LIBRARY -> "CREATE LIBRARY";
            // A DROP the parser could not read (DROP TABLE $$x$$) has no drop to look at.
            case DROP -> statement.drop() == null ? null : switch (statement.drop().objectType()) {
                case "EXTERNAL TABLE" -> "DROP EXTERNAL TABLE";
                case "LIBRARY" -> "DROP LIBRARY";
                default -> null;
            };
            default -> null;
        };
    }
}
