package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(id = "RS117", name = "type-limits", severity = Severity.ERROR,
        docs = "Character types; Numeric types; VARBYTE type",
        summary = "A VARCHAR over 65535 bytes, a CHAR over 4096, a DECIMAL precision over 38 or a scale over the "
                + "precision or 37, a VARBYTE over 1024000.",
        why = "Redshift's VARCHAR holds at most 65535 bytes and CHAR 4096 (docs: Character types), DECIMAL at most "
                + "38 digits with a scale of at most 37 and not above the precision (docs: Numeric types), VARBYTE at "
                + "most 1,024,000 bytes (docs: VARBYTE type); PostgreSQL's limits are far higher.",
        fix = "Stay within the limit: VARCHAR(MAX) for the longest text, DECIMAL(38, s) for the widest number.")
public final class TypeLimitsRule implements Rule {

    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    /** The largest length of each sized type, by its base name. */
    private static final Map<String, Long> MAX_LENGTH = Map.of("varchar", 65535L, "character varying", 65535L,
            "nvarchar", 65535L, "char", 4096L, "character", 4096L, "nchar", 4096L, "bpchar", 4096L,
            "varbyte", 1_024_000L, "varbinary", 1_024_000L, "binary varying", 1_024_000L);

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        for (TableColumns.Defined column : TableColumns.of(statement)) {
            String problem = problem(column.type());
            if (problem != null) {
                reporter.report(statement.statement(), column.offset(), "Column " + column.name() + " is "
                        + column.type().toUpperCase() + ": " + problem + ".");
            }
        }
    }

    static String problem(String type) {
        Matcher sized = SIZED.matcher(type == null ? "" : type.trim());
        if (!sized.matches()) {
            return null;
        }
        String base = sized.group(1).trim();
        long size = Long.parseLong(sized.group(2));
        if (base.equals("decimal") || base.equals("numeric")) {
            long scale = sized.group(3) == null ? 0 : Long.parseLong(sized.group(3));
            return size > 38 ? "the precision is at most 38" : scale > 37 ? "the scale is at most 37"
                    : scale > size ? "the scale cannot exceed the precision" : null;
        }
        Long max = MAX_LENGTH.get(base);
        return max != null && size > max ? "at most " + max + " bytes" : null;
    }
}
