package io.github.rsevolve.core.execute;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redshift built-ins that a PostgreSQL stand-in cannot provide: functions (spatial functions need PostGIS; hashes,
 * H3 and HyperLogLog have no PostgreSQL twin) and the system tables and views (docs: System tables and views
 * reference: STL_, STV_, SVL_, SVV_, SYS_, SVCS_, STCS_ and PG_TABLE_DEF and its kin). A statement failing only
 * because it uses one is not wrong: it is not checked here.
 */
final class RedshiftOnlyBuiltins {

    /** PostgreSQL's undefined_function. */
    private static final String UNDEFINED_FUNCTION = "42883";

    private static final Pattern FUNCTION = Pattern.compile("function ([a-z_0-9.]+)\\(");

    private static final Set<String> PREFIXES = Set.of("st_", "h3_", "hll_", "is_", "json_serialize");

    private static final Set<String> NAMES = Set.of("murmur3_32_hash", "fnv_hash", "farmfingerprint64", "crc32",
            "from_hex", "to_varbyte", "from_varbyte", "text_to_int_alt", "text_to_numeric_alt", "soundex",
            "difference", "octetindex", "split_to_array", "subarray", "array_concat", "array_flatten",
            "get_array_length", "can_json_parse", "explain_model", "ratio_to_report", "date_part_year", "bpcharcmp",
            "bttext_pattern_cmp", "timezone", "convert", "sha2", "func_sha1", "current_aws_account",
            "default_iam_role", "has_assumerole_privilege", "has_datashare_privilege");

    /** PostgreSQL's invalid_schema_name. */
    private static final String INVALID_SCHEMA = "3F000";

    private static final Pattern SCHEMA = Pattern.compile("schema \"([^\"]+)\" does not exist");

    private static final Set<String> SYSTEM_PREFIXES = Set.of("stl_", "stv_", "svl_", "svv_", "sys_", "svcs_",
            "stcs_");

    /**
     * Redshift's own PG_ catalog tables and views that the stand-in does not emulate (docs: System catalog tables),
     * and PG_CONF, undocumented, which AWS's admin views read.
     */
    private static final Set<String> SYSTEM_CATALOG = Set.of("pg_user_info", "pg_database_info",
            "pg_external_schema", "pg_library", "pg_statistic_indicator", "pg_proc_info", "pg_conf");

    private RedshiftOnlyBuiltins() {
    }

    /**
     * The Redshift-only function, system table or external table a failure is about, as the finding names it, or
     * null.
     */
    static String missing(SQLException e, Set<String> externalSchemas) {
        String function = missingFunction(e);
        if (function != null) {
            return "the Redshift function " + function;
        }
        String external = missingExternalRelation(e, externalSchemas);
        return external != null ? external : missingSystemRelation(e);
    }

    /** A table of an external schema (Spectrum, federated): its data catalog is outside the cluster. */
    private static String missingExternalRelation(SQLException e, Set<String> externalSchemas) {
        if (e.getMessage() == null || externalSchemas.isEmpty()) {
            return null;
        }
        Matcher schema = SCHEMA.matcher(e.getMessage().toLowerCase(Locale.ROOT));
        String relation = DatabaseMessages.missingRelation(e);
        String qualified = relation != null ? relation
                : INVALID_SCHEMA.equals(e.getSQLState()) && schema.find() ? schema.group(1) + "." : null;
        if (qualified == null || qualified.indexOf('.') < 0) {
            return null;
        }
        String name = qualified.substring(0, qualified.indexOf('.'));
        return externalSchemas.contains(name) ? "a table of the external schema " + name
                + " (its data catalog is outside the cluster)" : null;
    }

    private static String missingSystemRelation(SQLException e) {
        String relation = DatabaseMessages.missingRelation(e);
        String name = relation == null ? null : relation.substring(relation.lastIndexOf('.') + 1);
        boolean system = name != null
                && (SYSTEM_CATALOG.contains(name) || SYSTEM_PREFIXES.stream().anyMatch(name::startsWith));
        return system ? "the Redshift system table or view " + name.toUpperCase(Locale.ROOT) : null;
    }

    private static String missingFunction(SQLException e) {
        String name = nameIn(e, UNDEFINED_FUNCTION, FUNCTION);
        boolean redshiftOnly = name != null && (NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith));
        return redshiftOnly ? name.toUpperCase(Locale.ROOT) : null;
    }

    /** The unqualified name the database's message names, for a failure of the given SQLSTATE, or null. */
    private static String nameIn(SQLException e, String sqlState, Pattern pattern) {
        if (!sqlState.equals(e.getSQLState()) || e.getMessage() == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(e.getMessage().toLowerCase(Locale.ROOT));
        return matcher.find() ? matcher.group(1).substring(matcher.group(1).lastIndexOf('.') + 1) : null;
    }
}
