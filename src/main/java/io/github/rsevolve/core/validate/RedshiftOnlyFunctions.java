package io.github.rsevolve.core.validate;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redshift built-in functions that a PostgreSQL stand-in cannot provide (spatial functions need PostGIS; hashes,
 * H3 and HyperLogLog have no PostgreSQL twin). A statement failing only because it calls one is not wrong.
 */
final class RedshiftOnlyFunctions {

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

    private RedshiftOnlyFunctions() {
    }

    /** The Redshift-only function a failure is about, or null. */
    static String missing(SQLException e) {
        if (!UNDEFINED_FUNCTION.equals(e.getSQLState()) || e.getMessage() == null) {
            return null;
        }
        Matcher matcher = FUNCTION.matcher(e.getMessage().toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).substring(matcher.group(1).lastIndexOf('.') + 1);
        boolean redshiftOnly = NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
        return redshiftOnly ? name.toUpperCase(Locale.ROOT) : null;
    }
}
