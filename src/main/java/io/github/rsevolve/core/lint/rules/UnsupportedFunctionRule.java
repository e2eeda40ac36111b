package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@RuleInfo(id = "RS118", name = "unsupported-function", severity = Severity.ERROR,
        docs = "Unsupported PostgreSQL functions; Leader node-only functions",
        summary = "A PostgreSQL function Redshift does not have (STRING_AGG, ARRAY_AGG, UNNEST, NEXTVAL, ...), or "
                + "GENERATE_SERIES, in a statement that reads user tables.",
        why = "Redshift lacks many PostgreSQL functions: array, JSON-building, sequence, advisory-lock, "
                + "text-search and several string and date functions (docs: Unsupported PostgreSQL functions). "
                + "Some run on the leader node, so a query of the system catalogs alone may use them, but a "
                + "statement that reads user tables fails; GENERATE_SERIES likewise in a view, CTAS or data "
                + "statement (docs: Leader node-only functions).",
        fix = "Use the Redshift function named in the message, or build the rows another way (a numbers table "
                + "instead of GENERATE_SERIES).")
public final class UnsupportedFunctionRule implements Rule {

    /** Each function Redshift lacks, and what to use instead. */
    private static final Map<String, String> INSTEAD = Map.ofEntries(
            Map.entry("string_agg", "LISTAGG(expr, delimiter) WITHIN GROUP (ORDER BY ...)"),
            Map.entry("array_agg", "LISTAGG, or JSON_PARSE over LISTAGG for a SUPER array"),
            Map.entry("xmlagg", "LISTAGG"),
            Map.entry("json_agg", "LISTAGG and JSON_PARSE"), Map.entry("jsonb_agg", "LISTAGG and JSON_PARSE"),
            Map.entry("json_build_object", "OBJECT(key, value, ...) on SUPER"),
            Map.entry("jsonb_build_object", "OBJECT(key, value, ...) on SUPER"),
            Map.entry("json_build_array", "ARRAY(...) on SUPER"), Map.entry("jsonb_build_array", "ARRAY(...) on SUPER"),
            Map.entry("to_json", "JSON_SERIALIZE on SUPER"), Map.entry("to_jsonb", "JSON_SERIALIZE on SUPER"),
            Map.entry("row_to_json", "OBJECT(...) and JSON_SERIALIZE"),
            Map.entry("array_to_json", "JSON_SERIALIZE on SUPER"),
            Map.entry("json_array_elements", "PartiQL unnesting of a SUPER array (FROM t, t.arr AS e)"),
            Map.entry("jsonb_array_elements", "PartiQL unnesting of a SUPER array (FROM t, t.arr AS e)"),
            Map.entry("unnest", "PartiQL unnesting of a SUPER array (FROM t, t.arr AS e)"),
            Map.entry("array_length", "GET_ARRAY_LENGTH on SUPER"),
            Map.entry("array_to_string", "LISTAGG"), Map.entry("string_to_array", "SPLIT_TO_ARRAY"),
            Map.entry("regexp_matches", "REGEXP_SUBSTR"), Map.entry("regexp_split_to_table", "SPLIT_PART"),
            Map.entry("regexp_split_to_array", "SPLIT_TO_ARRAY"),
            Map.entry("generate_subscripts", "a numbers table"),
            Map.entry("clock_timestamp", "GETDATE() or SYSDATE"),
            Map.entry("transaction_timestamp", "SYSDATE"),
            Map.entry("justify_days", "DATEADD"), Map.entry("justify_hours", "DATEADD"),
            Map.entry("justify_interval", "DATEADD"),
            Map.entry("pg_sleep", "nothing: Redshift has no sleep"),
            Map.entry("div", "the / operator on integers"), Map.entry("width_bucket", "a CASE expression"),
            Map.entry("setseed", "nothing: RANDOM() takes no seed in Redshift"),
            Map.entry("format", "|| and TO_CHAR"), Map.entry("quote_nullable", "QUOTE_LITERAL and NVL"),
            Map.entry("pg_advisory_lock", "LOCK table"), Map.entry("pg_advisory_xact_lock", "LOCK table"),
            Map.entry("pg_try_advisory_lock", "LOCK table"), Map.entry("pg_advisory_unlock", "LOCK table"),
            Map.entry("pg_total_relation_size", "SVV_TABLE_INFO.size"),
            Map.entry("pg_relation_size", "SVV_TABLE_INFO.size"), Map.entry("pg_table_size", "SVV_TABLE_INFO.size"),
            Map.entry("pg_database_size", "SVV_TABLE_INFO"),
            Map.entry("nextval", "an IDENTITY column"), Map.entry("currval", "an IDENTITY column"),
            Map.entry("setval", "an IDENTITY column"), Map.entry("lastval", "an IDENTITY column"),
            Map.entry("to_tsvector", "LIKE, SIMILAR TO or REGEXP functions"),
            Map.entry("to_tsquery", "LIKE, SIMILAR TO or REGEXP functions"),
            Map.entry("plainto_tsquery", "LIKE, SIMILAR TO or REGEXP functions"),
            Map.entry("gen_random_uuid", "MD5(RANDOM()::text) or a value made by the loader"),
            Map.entry("uuid_generate_v4", "MD5(RANDOM()::text) or a value made by the loader"),
            Map.entry("every", "BOOL_AND"), Map.entry("concat_ws", "|| or nested CONCAT"));

    /** Statements that run on the compute nodes, where a leader-node-only function fails. */
    private static final Set<StatementKind> ON_COMPUTE_NODES = EnumSet.of(StatementKind.CREATE_VIEW,
            StatementKind.CREATE_MATERIALIZED_VIEW, StatementKind.CREATE_TABLE_AS, StatementKind.INSERT,
            StatementKind.UPDATE, StatementKind.DELETE, StatementKind.MERGE);

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        // A query of the system catalogs alone runs on the leader node, where the PostgreSQL functions of the
        // leader exist (AWS's own admin views use them); only with user tables do they fail.
        if (readsSystemTablesOnly(statement)) {
            return;
        }
        List<Token> tokens = statement.statement().tokens();
        for (String name : statement.statement().words().all()) {
            if (INSTEAD.containsKey(name) || name.equals("generate_series")) {
                for (int i : statement.statement().words().of(name)) {
                    check(statement, tokens, i, name, reporter);
                }
            }
        }
    }

    private static void check(ParsedStatement statement, List<Token> tokens, int i, String name,
                              Reporter reporter) {
        Token token = tokens.get(i);
        String instead = INSTEAD.get(name);
        if (instead != null && StatementTokens.isCall(tokens, i, name)) {
            reporter.report(statement.statement(), token.offset(), name.toUpperCase(Locale.ROOT)
                    + " is not a Redshift function; use " + instead + ".");
        } else if (name.equals("generate_series") && StatementTokens.isCall(tokens, i, name)
                && ON_COMPUTE_NODES.contains(statement.kind())) {
            reporter.report(statement.statement(), token.offset(), "GENERATE_SERIES runs on the leader node "
                    + "only; in a " + statement.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT)
                    + " it reads user tables on the compute nodes, which Redshift rejects.");
        }
    }

    private static boolean readsSystemTablesOnly(ParsedStatement statement) {
        for (ObjectName reference : statement.references()) {
            if (!Names.isSystem(reference)) {
                return false;
            }
        }
        return true;
    }
}
