package io.github.rsevolve.core.translate;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a Redshift column type (as the dialect normalised it) to the nearest PostgreSQL type. */
final class TypeMapper {

    /** Types with no exact PostgreSQL twin (docs: Data types). */
    private static final Map<String, String> NEAREST = Map.ofEntries(
            // TEXT and VARCHAR without length are VARCHAR(256) in Redshift (docs: Character types).
            Map.entry("text", "varchar(256)"),
            Map.entry("varchar", "varchar(256)"),
            Map.entry("character varying", "varchar(256)"),
            Map.entry("nvarchar", "varchar(256)"),
            Map.entry("bpchar", "char(256)"),
            Map.entry("nchar", "char(1)"),
            // SUPER holds semi-structured values: JSONB is PostgreSQL's nearest.
            Map.entry("super", "jsonb"),
            Map.entry("varbyte", "bytea"),
            Map.entry("varbinary", "bytea"),
            Map.entry("binary varying", "bytea"),
            // Without PostGIS, spatial values are kept as their binary form.
            Map.entry("geometry", "bytea"),
            Map.entry("geography", "bytea"),
            // HLLSKETCH values are exchanged as JSON text.
            Map.entry("hllsketch", "text"));

    private TypeMapper() {
    }

    /** varchar(n), char(n) as the mapping writes them. */
    private static final Pattern SIZED_CHARACTERS = Pattern.compile("(varchar|char)\\((\\d+)\\)");

    /**
     * The CHECK that makes a PostgreSQL varchar(n) or char(n) column count bytes as Redshift does, and keep a CHAR to
     * single-byte characters (docs: Character types), or null for other types.
     *
     * @param column the quoted column name
     * @param postgresType the column's type as {@link #toPostgres} maps it
     */
    static String byteCheck(String column, String postgresType) {
        Matcher sized = SIZED_CHARACTERS.matcher(postgresType);
        if (!sized.matches()) {
            return null;
        }
        return "(" + RedshiftToPostgresTranslator.COMPAT_SCHEMA + ".fits_bytes(" + column + "::text, "
                + sized.group(2) + ", '" + sized.group(1) + "'))";
    }

    static String toPostgres(String redshiftType) {
        String type = redshiftType.toLowerCase(Locale.ROOT).trim();
        String mapped = NEAREST.get(type);
        if (mapped != null) {
            return mapped;
        }
        int paren = type.indexOf('(');
        String base = paren < 0 ? type : type.substring(0, paren).trim();
        String arguments = paren < 0 ? "" : type.substring(paren);
        if (arguments.equals("(max)")) {
            // VARCHAR(MAX) is VARCHAR(65535); CHAR(MAX) is CHAR(4096) (docs: Character types).
            return base.equals("char") || base.equals("character") || base.equals("nchar") ? "char(4096)"
                    : "varchar(65535)";
        }
        return switch (base) {
            case "nvarchar" -> "varchar" + arguments;
            case "nchar" -> "char" + arguments;
            case "varbyte", "varbinary", "binary varying" -> "bytea";
            default -> type;
        };
    }
}
