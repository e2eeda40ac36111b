package io.github.rsevolve.core.translate;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SqlText;
import java.util.List;
import java.util.Locale;

/**
 * Redshift rules that depend on what the catalog already holds (a column's type, encoding, default, keys), which
 * the PostgreSQL stand-in enforces with a guard run just before the statement: the guard fails the statement with
 * Redshift's rule, named, where PostgreSQL alone would accept it. Listed in docs/redshift-rules.md.
 */
public enum StandInRule {

    ALTER_COLUMN_TYPE_VARCHAR("alter-column-type-varchar", "ALTER TABLE",
            "ALTER COLUMN ... TYPE only changes the size of a VARCHAR column, to another VARCHAR size.",
            "CREATE TABLE dw.t (a INT);\nALTER TABLE dw.t ALTER COLUMN a TYPE BIGINT;",
            "CREATE TABLE dw.t (v VARCHAR(10));\nALTER TABLE dw.t ALTER COLUMN v TYPE VARCHAR(200);"),
    ALTER_COLUMN_TYPE_ENCODING("alter-column-type-encoding", "ALTER TABLE",
            "A column encoded BYTEDICT, RUNLENGTH, TEXT255 or TEXT32K can't change its type.",
            "CREATE TABLE dw.t (v VARCHAR(10) ENCODE bytedict);\nALTER TABLE dw.t ALTER COLUMN v TYPE VARCHAR(20);",
            "CREATE TABLE dw.t (v VARCHAR(10) ENCODE zstd);\nALTER TABLE dw.t ALTER COLUMN v TYPE VARCHAR(20);"),
    ALTER_COLUMN_TYPE_DEFAULT("alter-column-type-default", "ALTER TABLE",
            "A column with a default value can't change its type.",
            "CREATE TABLE dw.t (v VARCHAR(10) DEFAULT 'x');\nALTER TABLE dw.t ALTER COLUMN v TYPE VARCHAR(20);",
            "CREATE TABLE dw.t (v VARCHAR(10));\nALTER TABLE dw.t ALTER COLUMN v TYPE VARCHAR(20);"),
    ALTER_COLUMN_TYPE_KEY("alter-column-type-key", "ALTER TABLE",
            "A column with UNIQUE, PRIMARY KEY or FOREIGN KEY can't change its type.",
            "CREATE TABLE dw.t (v VARCHAR(10) PRIMARY KEY);\nALTER TABLE dw.t ALTER COLUMN v TYPE VARCHAR(20);",
            "CREATE TABLE dw.t (v VARCHAR(10));\nALTER TABLE dw.t ALTER COLUMN v TYPE VARCHAR(20);"),
    DROP_KEY_COLUMN("drop-key-column", "ALTER TABLE",
            "A column that is the table's DISTKEY or one of its SORTKEY columns can't be dropped.",
            "CREATE TABLE dw.t (a INT, b INT) DISTKEY (a);\nALTER TABLE dw.t DROP COLUMN a;",
            "CREATE TABLE dw.t (a INT, b INT) DISTKEY (a);\nALTER TABLE dw.t DROP COLUMN b;"),
    DROP_LAST_COLUMN("drop-last-column", "ALTER TABLE",
            "A table must have at least one column: its last column can't be dropped.",
            "CREATE TABLE dw.t (a INT);\nALTER TABLE dw.t DROP COLUMN a;",
            "CREATE TABLE dw.t (a INT, b INT);\nALTER TABLE dw.t DROP COLUMN a;"),
    VARCHAR_BYTES("varchar-bytes", "Character types",
            "A CHAR or VARCHAR length is in bytes, not characters: a value of more bytes than that is too long.",
            "CREATE TABLE dw.t (city VARCHAR(6));\nINSERT INTO dw.t VALUES ('Zürich');",
            "CREATE TABLE dw.t (city VARCHAR(7));\nINSERT INTO dw.t VALUES ('Zürich');"),
    CHAR_SINGLE_BYTE("char-single-byte", "Character types",
            "A CHAR column holds single-byte characters only; multibyte ones need a VARCHAR.",
            "CREATE TABLE dw.t (code CHAR(4));\nINSERT INTO dw.t VALUES ('€');",
            "CREATE TABLE dw.t (code VARCHAR(4));\nINSERT INTO dw.t VALUES ('€');");

    private static final List<String> FIXED_ENCODINGS = List.of("bytedict", "runlength", "text255", "text32k");

    private final String id;
    private final String docs;
    private final String rule;
    private final String rejected;
    private final String accepted;

    StandInRule(String id, String docs, String rule, String rejected, String accepted) {
        this.id = id;
        this.docs = docs;
        this.rule = rule;
        this.rejected = rejected;
        this.accepted = accepted;
    }

    public String id() {
        return id;
    }

    public String docs() {
        return docs;
    }

    public String rule() {
        return rule;
    }

    /** Statements Redshift rejects, as a case of the rule, the last one rejected. */
    public String rejected() {
        return rejected;
    }

    /** The closest statements Redshift accepts. */
    public String accepted() {
        return accepted;
    }

    /**
     * The stand-in's byte check of CHAR and VARCHAR values (see {@link TypeMapper#byteCheck}): true where the value
     * fits, otherwise the error of {@link #VARCHAR_BYTES} or {@link #CHAR_SINGLE_BYTE} with the value and its bytes.
     */
    static String byteCheckFunction() {
        return "CREATE FUNCTION " + RedshiftToPostgresTranslator.COMPAT_SCHEMA + ".fits_bytes(value text, max_bytes "
                + "integer, type_name text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$\nBEGIN\n"
                + "  IF value IS NULL OR (octet_length(value) <= max_bytes AND (type_name <> 'char' "
                + "OR octet_length(value) = char_length(value))) THEN\n    RETURN true;\n  END IF;\n"
                + "  IF type_name = 'char' AND octet_length(value) <> char_length(value) THEN\n"
                + "    RAISE EXCEPTION " + CHAR_SINGLE_BYTE.raised(" % is not single-byte for CHAR(%).")
                + ", quote_literal(left(value, 40)), max_bytes USING ERRCODE = '22001';\n  END IF;\n"
                + "  RAISE EXCEPTION " + VARCHAR_BYTES.raised(" % is % bytes in UTF-8 for %(%).")
                + ", quote_literal(left(value, 40)), octet_length(value), upper(type_name), max_bytes "
                + "USING ERRCODE = '22001';\nEND $$";
    }

    /** The error text of this rule as a RAISE format: its id, rule and docs section, then the details. */
    private String raised(String details) {
        return SqlText.literal(("Redshift rejects this [" + id + "]: " + rule + " (docs: " + docs + ")")
                .replace("%", "%%") + details);
    }

    /** A guard that raises this rule's error for every row the query's FROM and WHERE leave. */
    private String guard(String fromWhere) {
        return "SELECT " + RedshiftToPostgresTranslator.COMPAT_SCHEMA + ".redshift_rejects("
                + SqlText.literal(id) + ", " + SqlText.literal(rule + " (docs: " + docs + ")") + ") " + fromWhere;
    }

    /** The column's attribute row of a relation, resolved under the search_path as the statement resolves it. */
    private static String attribute(ObjectName table, String column) {
        return "FROM pg_attribute a WHERE a.attrelid = to_regclass("
                + SqlText.literal(RedshiftToPostgresTranslator.quote(table)) + ") AND a.attname = "
                + SqlText.literal(column) + " AND NOT a.attisdropped";
    }

    /** The guards of ALTER COLUMN ... TYPE (docs: ALTER TABLE, ALTER COLUMN column_name TYPE). */
    static List<String> alterColumnType(ObjectName table, String column, String newType) {
        String base = newType.toLowerCase(Locale.ROOT).replaceAll("\\s*\\(.*", "").trim();
        boolean toVarchar = base.equals("varchar") || base.equals("character varying") || base.equals("nvarchar");
        String attribute = attribute(table, column);
        return List.of(
                ALTER_COLUMN_TYPE_VARCHAR.guard(attribute + (toVarchar
                        ? " AND format_type(a.atttypid, NULL) <> 'character varying'" : "")),
                ALTER_COLUMN_TYPE_ENCODING.guard("FROM rse_meta.column_attributes" + Bookkeeping.where(table)
                        + " AND column_name = " + SqlText.literal(column) + " AND lower(encoding) IN ('"
                        + String.join("', '", FIXED_ENCODINGS) + "')"),
                ALTER_COLUMN_TYPE_DEFAULT.guard(attribute + " AND a.atthasdef"),
                ALTER_COLUMN_TYPE_KEY.guard("FROM rse_meta.constraints" + Bookkeeping.where(table)
                        + " AND " + SqlText.literal(column) + " = ANY (string_to_array(columns, ','))"));
    }

    /** The guards of DROP COLUMN (docs: ALTER TABLE, DROP COLUMN). */
    static List<String> dropColumn(ObjectName table, String column) {
        return List.of(
                DROP_KEY_COLUMN.guard("FROM rse_meta.relation_attributes" + Bookkeeping.where(table)
                        + " AND (dist_key = " + SqlText.literal(column) + " OR " + SqlText.literal(column)
                        + " = ANY (string_to_array(sort_keys, ',')))"),
                DROP_LAST_COLUMN.guard("FROM pg_class c WHERE c.oid = to_regclass("
                        + SqlText.literal(RedshiftToPostgresTranslator.quote(table)) + ") AND (SELECT count(*) "
                        + "FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) <= 1"));
    }
}
