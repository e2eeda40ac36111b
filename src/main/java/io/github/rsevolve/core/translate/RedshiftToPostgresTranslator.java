package io.github.rsevolve.core.translate;

import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.Grant;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.PhysicalAttributes;
import io.github.rsevolve.core.model.Routine;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.TableConstraint;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.Spans.Span;
import io.github.rsevolve.core.parse.Spans;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.SqlText;
import io.github.rsevolve.core.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates one parsed Redshift statement into the PostgreSQL statements that build the same schema in a
 * throwaway PostgreSQL database. Physical attributes, unenforced constraints and grants are recorded in
 * {@link Bookkeeping}'s tables rather than executed; Redshift-only statements are skipped with the reason.
 */
public final class RedshiftToPostgresTranslator {

    /** The schema that holds the compatibility functions; appended to every search_path. */
    public static final String COMPAT_SCHEMA = "rse_compat";

    /** The statements of redshift-compat.sql: Redshift's functions and operators that PostgreSQL lacks. */
    private static final List<String> COMPATIBILITY_FUNCTIONS = RedshiftCatalog.split(
            RedshiftCatalog.resource("redshift-compat.sql"));

    /** Languages PostgreSQL runs as Redshift does; other UDF languages (plpythonu, lambda) are skipped. */
    private static final Set<String> RUNNABLE_LANGUAGES = Set.of("sql", "plpgsql");

    private RedshiftToPostgresTranslator() {
    }

    /**
     * The statements that prepare a throwaway PostgreSQL database: bookkeeping, compatibility functions and the
     * emulated Redshift catalog.
     */
    public static List<String> setUp() {
        List<String> statements = new ArrayList<>(Bookkeeping.SCHEMA);
        statements.add("CREATE SCHEMA " + COMPAT_SCHEMA);
        statements.add(StandInRule.byteCheckFunction());
        statements.addAll(COMPATIBILITY_FUNCTIONS);
        statements.addAll(RedshiftCatalog.setUp());
        return statements;
    }

    /** Removes what {@link #setUp()} made, from a stand-in no changeset was applied to. */
    public static List<String> tearDown() {
        // The casts setUp() added go with the schema; the one it changed is PostgreSQL's again.
        return List.of("DO $$ BEGIN UPDATE pg_catalog.pg_cast SET castcontext = 'e' WHERE castsource = "
                        + "'integer'::regtype AND casttarget = 'boolean'::regtype; "
                        + "EXCEPTION WHEN insufficient_privilege THEN NULL; END $$",
                "DROP SCHEMA IF EXISTS " + COMPAT_SCHEMA + " CASCADE", "DROP SCHEMA IF EXISTS rse_meta CASCADE");
    }

    public static Translation translate(ParsedStatement parsed) {
        SqlStatement statement = parsed.statement();
        if (isUnparsedDefinition(parsed)) {
            // Nothing to rebuild it from: the database gets it as written, and its own message if it is wrong.
            return Translation.run(all(statement));
        }
        return switch (parsed.kind()) {
            case CREATE_SCHEMA -> Translation.run("CREATE SCHEMA "
                    + (statement.startsWith(2, "if", "not", "exists") ? "IF NOT EXISTS " : "")
                    + quote(parsed.target().name()));
            case CREATE_EXTERNAL_SCHEMA, CREATE_EXTERNAL_TABLE, ALTER_EXTERNAL_TABLE ->
                    Translation.skip("Redshift Spectrum and federated objects (external schemas and tables) have no "
                            + "PostgreSQL equivalent");
            case CREATE_TABLE -> createTable((Table) parsed.definition());
            case CREATE_TABLE_AS -> createTableAs(parsed, (Table) parsed.definition());
            case CREATE_VIEW, CREATE_MATERIALIZED_VIEW -> createView(parsed, (View) parsed.definition());
            case CREATE_FUNCTION, CREATE_PROCEDURE -> routine(parsed, (Routine) parsed.definition());
            case ALTER_TABLE -> alterTable(parsed);
            case DROP -> drop(parsed);
            case GRANT, REVOKE -> grant(parsed.grant());
            case COMMENT -> comment(parsed);
            case SELECT, INSERT, UPDATE, DELETE, MERGE, TRUNCATE, LOCK, CALL, UNKNOWN -> Translation.run(all(statement));
            case SESSION -> session(statement);
            case COPY -> Translation.skip("COPY loads files from S3 or other AWS sources, which a throwaway database "
                    + "cannot reach");
            case UNLOAD -> Translation.skip("UNLOAD writes to S3, which a throwaway database cannot reach");
            case VACUUM, ANALYZE -> Translation.skip(parsed.kind() + " maintains storage and statistics; it does "
                    + "not change the schema");
            case TRANSACTION -> Translation.skip("transaction control is Flyway's: each changeset runs in its own "
                    + "transaction");
            case CREATE_USER, ALTER_USER -> Translation.skip("users are cluster-wide; a throwaway database does not "
                    + "create or change them");
            case CREATE_INDEX, CREATE_TRIGGER, CREATE_EXTENSION -> Translation.skip("Redshift does not support it "
                    + "(lint reports it)");
            case CREATE_LIBRARY -> Translation.skip("Python libraries for UDFs have no PostgreSQL equivalent");
            case CREATE_OTHER, ALTER_OTHER, OTHER -> Translation.skip("this Redshift statement has no effect on the "
                    + "tables, views and grants that validate compares");
        };
    }

    /** A statement whose kind needs its parsed parts, which the parser could not make. */
    private static boolean isUnparsedDefinition(ParsedStatement parsed) {
        return switch (parsed.kind()) {
            case CREATE_TABLE, CREATE_TABLE_AS, CREATE_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_FUNCTION,
                 CREATE_PROCEDURE -> parsed.definition() == null;
            case CREATE_SCHEMA -> parsed.target() == null;
            case ALTER_TABLE -> parsed.alter() == null;
            case DROP -> parsed.drop() == null;
            case GRANT, REVOKE -> parsed.grant() == null;
            case COMMENT -> parsed.comment() == null;
            default -> false;
        };
    }

    private static String all(SqlStatement statement) {
        return QueryRewriter.rewrite(statement, 0, statement.tokens().size());
    }

    /** A Redshift expression or condition (a filter, a mask) as PostgreSQL reads it. */
    public static String translateExpression(String redshiftSql) {
        return QueryRewriter.rewriteExpression(redshiftSql);
    }

    public static String quote(String identifier) {
        return SqlText.identifier(identifier);
    }

    static String quote(ObjectName name) {
        return name.schema() == null ? quote(name.name()) : quote(name.schema()) + "." + quote(name.name());
    }

    private static Translation createTable(Table table) {
        List<String> sql = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        if (table.like() != null) {
            // LIKE copies column names, types and NOT NULL; Redshift's INCLUDING DEFAULTS copies defaults too.
            boolean defaults = table.source().indexOf("including", 0) >= 0;
            elements.add("LIKE " + quote(table.like()) + (defaults ? " INCLUDING DEFAULTS" : ""));
        }
        for (Column column : table.columns()) {
            elements.add(columnDefinition(column));
        }
        sql.add("CREATE " + (table.temporary() ? "TEMPORARY " : "") + "TABLE "
                + (table.ifNotExists() ? "IF NOT EXISTS " : "") + quote(table.name()) + " (\n    "
                + String.join(",\n    ", elements) + "\n)");
        if (!table.temporary()) {
            sql.addAll(tableBookkeeping(table));
        }
        return Translation.run(sql);
    }

    /**
     * A column for PostgreSQL: the nearest type, the default, NOT NULL, and IDENTITY(seed, step) as an identity
     * column (Redshift's IDENTITY values are unique but not consecutive; PostgreSQL's are a sequence).
     */
    private static String columnDefinition(Column column) {
        String type = TypeMapper.toPostgres(column.type());
        StringBuilder definition = new StringBuilder(quote(column.name())).append(' ').append(type);
        if (column.identity() != null) {
            long seed = column.identity().seed();
            long step = column.identity().step();
            // Redshift takes any seed, e.g. IDENTITY(0, 1); a PostgreSQL sequence must start within its bounds.
            String bound = step >= 0 ? " MINVALUE " + Math.min(seed, 1) : " MAXVALUE " + Math.max(seed, -1);
            definition.append(" GENERATED BY DEFAULT AS IDENTITY (START WITH ").append(seed)
                    .append(" INCREMENT BY ").append(step).append(bound).append(")");
        }
        if (column.defaultValue() != null) {
            definition.append(" DEFAULT ").append(QueryRewriter.rewriteExpression(column.defaultValue()));
        }
        if (column.notNull()) {
            definition.append(" NOT NULL");
        }
        String bytes = TypeMapper.byteCheck(quote(column.name()), type);
        if (bytes != null) {
            definition.append(" CHECK ").append(bytes);
        }
        return definition.toString();
    }

    /** Physical attributes, column encodings and identities, and unenforced constraints, as bookkeeping rows. */
    private static List<String> tableBookkeeping(Table table) {
        List<String> sql = new ArrayList<>();
        for (Column column : table.columns()) {
            sql.add(Bookkeeping.column(table.name(), column));
            if (column.primaryKey()) {
                sql.add(Bookkeeping.constraint(table.name(), "PRIMARY KEY", List.of(column.name()), null));
            }
            if (column.unique()) {
                sql.add(Bookkeeping.constraint(table.name(), "UNIQUE", List.of(column.name()), null));
            }
            if (column.references() != null) {
                sql.add(Bookkeeping.constraint(table.name(), "FOREIGN KEY", List.of(column.name()),
                        column.references()));
            }
        }
        for (TableConstraint constraint : table.constraints()) {
            if (constraint.type() != TableConstraint.Type.CHECK) {
                sql.add(Bookkeeping.constraint(table.name(), constraint.type().name().replace('_', ' '),
                        constraint.columns(), constraint.references()));
            }
        }
        String relation = Bookkeeping.relation(table.name(), table.physical(), null, false);
        if (!table.ifNotExists()) {
            sql.add(0, relation);
            return sql;
        }
        // The relation's row last: the rows before it are guarded by its absence.
        sql.add(relation);
        return sql.stream().map(insert -> Bookkeeping.unlessRecorded(table.name(), insert)).toList();
    }

    /** The column list of CREATE TABLE t (a, b) AS or CREATE VIEW v (a, b) AS, as written, or empty. */
    private static String columnList(ParsedStatement parsed) {
        Span columns = parsed.spans().columnList();
        return columns.isPresent() ? " " + parsed.statement().text(columns.from(), columns.to()) : "";
    }

    private static Translation createTableAs(ParsedStatement parsed, Table table) {
        Span span = parsed.spans().query();
        String query = QueryRewriter.rewrite(parsed.statement(), span.from(), span.to());
        List<String> sql = new ArrayList<>();
        sql.add("CREATE " + (table.temporary() ? "TEMPORARY " : "") + "TABLE " + quote(table.name())
                + columnList(parsed) + " AS\n" + query);
        if (!table.temporary()) {
            sql.add(Bookkeeping.relation(table.name(), table.physical(), null, false));
        }
        return Translation.run(sql);
    }

    private static Translation createView(ParsedStatement parsed, View view) {
        Span span = parsed.spans().query();
        String query = QueryRewriter.rewrite(parsed.statement(), span.from(), span.to());
        List<String> sql = new ArrayList<>();
        if (view.materialized()) {
            sql.add("CREATE MATERIALIZED VIEW " + quote(view.name()) + " AS\n" + query);
            // AUTO REFRESH NO unless the view says otherwise (docs: CREATE MATERIALIZED VIEW), as STV_MV_INFO shows it.
            sql.add(Bookkeeping.relation(view.name(), view.physical(), view.autoRefresh() != null && view.autoRefresh(),
                    false));
        } else {
            sql.add("CREATE " + (view.orReplace() ? "OR REPLACE " : "") + "VIEW " + quote(view.name())
                    + columnList(parsed) + " AS\n" + query);
            if (view.lateBinding()) {
                sql.add(Bookkeeping.relation(view.name(), PhysicalAttributes.NONE, null, true));
            }
        }
        return new Translation(List.copyOf(sql), null, view.lateBinding());
    }

    private static Translation routine(ParsedStatement parsed, Routine routine) {
        String language = routine.language() == null ? "" : routine.language().toLowerCase(Locale.ROOT);
        SqlStatement statement = parsed.statement();
        Spans spans = parsed.spans();
        if (!RUNNABLE_LANGUAGES.contains(language)) {
            if (routine.procedure() || !spans.argumentList().isPresent()) {
                return Translation.skip("procedures in " + (language.isEmpty() ? "this language" : language)
                        + " cannot run on PostgreSQL");
            }
            return udfStub(routine, statement, spans, language);
        }
        // Bodies are kept as written; the throwaway database does not check them (check_function_bodies = off).
        if (!spans.argumentList().isPresent()) {
            return Translation.run(statement.text());
        }
        if (!routine.procedure()) {
            return Translation.run(withPostgresTypes(statement, spans));
        }
        // Redshift writes a procedure argument as name [IN|OUT|INOUT] type, PostgreSQL as [mode] name type.
        String source = statement.file().text();
        int open = spans.argumentList().from();
        int close = spans.argumentList().to() - 1;
        StringBuilder sql = new StringBuilder(source.substring(statement.startOffset(), statement.token(open).end()));
        List<String> arguments = spans.arguments().stream().map(a -> argument(statement, a)).toList();
        sql.append(String.join(", ", arguments)).append(source, statement.token(close).offset(),
                statement.endOffset());
        return Translation.run(sql.toString());
    }

    /** A procedure argument, its mode first and its type in PostgreSQL's words (VARCHAR(MAX) is VARCHAR(65535)). */
    private static String argument(SqlStatement statement, Span argument) {
        int from = argument.from();
        int to = argument.to();
        List<Token> tokens = statement.tokens();
        if (to - from >= 3 && tokens.get(from).isIdentifier()
                && (tokens.get(from + 1).is("in") || tokens.get(from + 1).is("out")
                || tokens.get(from + 1).is("inout"))) {
            return tokens.get(from + 1).text() + " " + tokens.get(from).text() + " "
                    + QueryRewriter.rewrite(statement, from + 2, to).trim();
        }
        return QueryRewriter.rewrite(statement, from, to).trim();
    }

    /**
     * A function's arguments and RETURNS type in PostgreSQL's words, and the token its options (AS, LANGUAGE, ...)
     * start at.
     */
    private record Signature(String arguments, String returns, int options) {
    }

    /** The signature the parser found, or null without RETURNS. */
    private static Signature signature(SqlStatement statement, Spans spans) {
        Span returns = spans.returns();
        if (!returns.isPresent()) {
            return null;
        }
        Span arguments = spans.argumentList();
        return new Signature(QueryRewriter.rewrite(statement, arguments.from() + 1, arguments.to() - 1).trim(),
                TypeMapper.toPostgres(QueryRewriter.rewrite(statement, returns.from(), returns.to()).trim()),
                returns.to());
    }

    /** A SQL or PL/pgSQL function with its argument and return types in PostgreSQL's words, its body as written. */
    private static String withPostgresTypes(SqlStatement statement, Spans spans) {
        Signature signature = signature(statement, spans);
        if (signature == null) {
            return statement.text();
        }
        String source = statement.file().text();
        String options = signature.options() < statement.tokens().size()
                ? source.substring(statement.token(signature.options()).offset(), statement.endOffset()) : "";
        return source.substring(statement.startOffset(), statement.token(spans.argumentList().from()).end())
                + signature.arguments()
                + ") RETURNS " + signature.returns() + " " + options;
    }

    /**
     * A Python or Lambda UDF cannot run on PostgreSQL, but views call it: a stub with the same signature returning
     * NULL lets them build.
     */
    private static Translation udfStub(Routine routine, SqlStatement statement, Spans spans, String language) {
        Signature signature = signature(statement, spans);
        if (signature == null) {
            return Translation.skip("functions in " + language + " cannot run on PostgreSQL");
        }
        return Translation.run("CREATE OR REPLACE FUNCTION " + quote(routine.name()) + "(" + signature.arguments()
                + ") RETURNS " + signature.returns() + " LANGUAGE sql IMMUTABLE AS $$ SELECT NULL::"
                + signature.returns() + " $$");
    }

    private static Translation alterTable(ParsedStatement parsed) {
        ObjectName table = parsed.target();
        List<String> sql = new ArrayList<>();
        for (AlterTable.Action action : parsed.alter().actions()) {
            String alter = "ALTER TABLE " + quote(table) + " ";
            switch (action.type()) {
                case ADD_COLUMN -> {
                    sql.add(alter + "ADD COLUMN " + columnDefinition(action.column()));
                    sql.add(Bookkeeping.column(table, action.column()));
                }
                case DROP_COLUMN -> {
                    sql.addAll(StandInRule.dropColumn(table, action.subject()));
                    sql.add(alter + "DROP COLUMN " + quote(action.subject()) + (action.cascade() ? " CASCADE" : ""));
                    sql.add(Bookkeeping.dropColumn(table, action.subject()));
                }
                case RENAME_TABLE -> {
                    sql.add(alter + "RENAME TO " + quote(action.subject()));
                    sql.addAll(Bookkeeping.renameRelation(table, action.subject()));
                }
                case RENAME_COLUMN -> {
                    sql.add(alter + "RENAME COLUMN " + quote(action.subject()) + " TO " + quote(action.detail()));
                    sql.add(Bookkeeping.updateColumn(table, action.subject(),
                            "column_name = " + Bookkeeping.literal(action.detail())));
                    sql.add(Bookkeeping.updateRelation(table, "dist_key = CASE WHEN dist_key = "
                            + Bookkeeping.literal(action.subject()) + " THEN " + Bookkeeping.literal(action.detail())
                            + " ELSE dist_key END, sort_keys = array_to_string(array_replace(string_to_array("
                            + "sort_keys, ','), " + Bookkeeping.literal(action.subject()) + ", "
                            + Bookkeeping.literal(action.detail()) + "), ',')"));
                }
                case ALTER_COLUMN_TYPE -> {
                    sql.addAll(StandInRule.alterColumnType(table, action.subject(), action.detail()));
                    String type = TypeMapper.toPostgres(action.detail());
                    sql.add("SELECT " + COMPAT_SCHEMA + ".drop_byte_checks(" + SqlText.literal(quote(table)) + ", "
                            + SqlText.literal(action.subject()) + ")");
                    sql.add(alter + "ALTER COLUMN " + quote(action.subject()) + " TYPE " + type);
                    String bytes = TypeMapper.byteCheck(quote(action.subject()), type);
                    if (bytes != null) {
                        sql.add(alter + "ADD CHECK " + bytes);
                    }
                }
                case ALTER_COLUMN_ENCODE -> sql.add(Bookkeeping.updateColumn(table, action.subject(),
                        "encoding = " + Bookkeeping.literal(action.detail().toLowerCase(Locale.ROOT))));
                // ALTER DISTSTYLE / DISTKEY / SORTKEY / ENCODE change storage only (docs: ALTER TABLE).
                case ALTER_DISTSTYLE -> sql.add(Bookkeeping.updateRelation(table, "dist_style = "
                        + Bookkeeping.literal(action.subject()) + ", dist_key = " + Bookkeeping.literal(action.detail())));
                case ALTER_DISTKEY -> sql.add(Bookkeeping.updateRelation(table, "dist_style = 'KEY', dist_key = "
                        + Bookkeeping.literal(action.subject())));
                case ALTER_SORTKEY -> sql.add(Bookkeeping.updateRelation(table, sortKeyAssignment(action)));
                case ALTER_ENCODE -> sql.add(Bookkeeping.updateRelation(table, "encode_auto = true"));
                // ALTER TABLE APPEND moves the source's rows into the target (docs: ALTER TABLE APPEND).
                case APPEND -> {
                    sql.add("INSERT INTO " + quote(table) + " SELECT * FROM " + quote(ObjectName.parse(action.subject())));
                    sql.add("DELETE FROM " + quote(ObjectName.parse(action.subject())));
                }
                case ADD_CONSTRAINT -> {
                    TableConstraint constraint = action.constraint();
                    if (constraint.type() != TableConstraint.Type.CHECK) {
                        sql.add(Bookkeeping.constraint(table, constraint.type().name().replace('_', ' '),
                                constraint.columns(), constraint.references()));
                    }
                }
                case DROP_CONSTRAINT, OWNER, OTHER -> {
                    // Constraints are not enforced by Redshift, owners are cluster-wide users: nothing to build.
                }
            }
        }
        return sql.isEmpty() ? Translation.skip("this ALTER TABLE changes nothing validate compares")
                : Translation.run(sql);
    }

    private static String sortKeyAssignment(AlterTable.Action action) {
        return switch (action.detail()) {
            case "AUTO" -> "sort_style = 'AUTO', sort_keys = ''";
            case "NONE" -> "sort_style = 'NONE', sort_keys = ''";
            default -> "sort_style = " + Bookkeeping.literal(action.subject()) + ", sort_keys = "
                    + Bookkeeping.literal(action.detail());
        };
    }

    private static Translation drop(ParsedStatement parsed) {
        String type = parsed.drop().objectType();
        switch (type) {
            case "TABLE", "VIEW", "MATERIALIZED VIEW", "SCHEMA", "FUNCTION", "PROCEDURE" -> {
                List<String> sql = new ArrayList<>();
                sql.add(all(parsed.statement()));
                if (!type.equals("SCHEMA") && !type.equals("FUNCTION") && !type.equals("PROCEDURE")) {
                    parsed.drop().names().forEach(name -> sql.addAll(Bookkeeping.dropRelation(name)));
                }
                return Translation.run(sql);
            }
            default -> {
                return Translation.skip("DROP " + type + " removes a cluster-wide or Redshift-only object");
            }
        }
    }

    /** Grants go to users and groups, which are cluster-wide: recorded, not executed (and no role is created). */
    private static Translation grant(Grant grant) {
        return Translation.run(Bookkeeping.grant(grant.revoke(), grant.privileges(), grant.objectType(),
                grant.objects(), grant.grantees()));
    }

    private static Translation comment(ParsedStatement parsed) {
        String type = parsed.comment().objectType();
        if (!Set.of("TABLE", "COLUMN", "VIEW", "SCHEMA", "MATERIALIZED VIEW", "FUNCTION", "PROCEDURE")
                .contains(type)) {
            return Translation.skip("COMMENT ON " + type + " is not compared");
        }
        return Translation.run(all(parsed.statement()));
    }

    /** SET search_path keeps the compatibility functions reachable; other Redshift settings are skipped. */
    private static Translation session(SqlStatement statement) {
        if (statement.startsWith("set", "search_path")) {
            return Translation.run(all(statement) + ", " + COMPAT_SCHEMA);
        }
        return Translation.skip("Redshift session settings have no PostgreSQL equivalent");
    }
}
