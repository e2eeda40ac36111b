package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(id = "RS125", name = "reserved-word", severity = Severity.ERROR,
        docs = "Reserved words; Names and identifiers",
        summary = "A column named, without double quotes, by one of Redshift's reserved words, such as timestamp, "
                + "open, tag, percent or partition.",
        why = "A standard identifier must not be a reserved SQL keyword (docs: Names and identifiers), and Redshift "
                + "reserves words PostgreSQL does not (docs: Reserved words): PostgreSQL creates the column, "
                + "Redshift stops at a syntax error.",
        fix = "Quote the name everywhere it is used (\"timestamp\"), or rename the column, e.g. event_timestamp.")
public final class ReservedWordRule implements Rule {

    /** The Developer Guide's list (docs: Reserved words), lower case. */
    static final Set<String> RESERVED = Set.of("aes128", "aes256", "all", "allowoverwrite", "analyse", "analyze",
            "and", "any", "array", "as", "asc", "authorization", "az64", "backup", "between", "binary",
            "blanksasnull", "both", "bytedict", "bzip2", "case", "cast", "check", "collate", "column", "constraint",
            "create", "credentials", "cross", "current_date", "current_time", "current_timestamp", "current_user",
            "current_user_id", "default", "deferrable", "deflate", "defrag", "delta", "delta32k", "desc",
            "disable", "distinct", "do", "else", "emptyasnull", "enable", "encode", "encrypt", "encryption", "end",
            "except", "explicit", "false", "for", "foreign", "freeze", "from", "full", "globaldict256",
            "globaldict64k", "grant", "group", "gzip", "having", "identity", "ignore", "ilike", "in", "initially",
            "inner", "intersect", "interval", "into", "is", "isnull", "join", "leading", "left", "like", "limit",
            "localtime", "localtimestamp", "lun", "luns", "lzo", "lzop", "minus", "mostly16", "mostly32", "mostly8",
            "natural", "new", "not", "notnull", "null", "nulls", "off", "offline", "offset", "oid", "old", "on",
            "only", "open", "or", "order", "outer", "overlaps", "parallel", "partition", "percent", "permissions",
            "pivot", "placing", "primary", "raw", "readratio", "recover", "references", "rejectlog", "resort",
            "respect", "restore", "right", "select", "session_user", "similar", "snapshot", "some", "sysdate",
            "system", "table", "tag", "tdes", "text255", "text32k", "then", "timestamp", "to", "top", "trailing",
            "true", "truncatecolumns", "union", "unique", "unnest", "unpivot", "user", "using", "verbose", "wallet",
            "when", "where", "with", "without");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        for (TableColumns.Defined column : TableColumns.of(statement)) {
            Token name = tokenAt(statement, column.offset());
            if (name != null && name.type() == TokenType.WORD
                    && RESERVED.contains(name.text().toLowerCase(Locale.ROOT))) {
                reporter.report(statement.statement(), name.offset(), "Column " + name.text() + " is named by a "
                        + "Redshift reserved word without double quotes.");
            }
        }
    }

    /**
     * The column name's token: at the offset in CREATE TABLE; after ADD [COLUMN] [IF NOT EXISTS] or ALTER [COLUMN]
     * where the offset is an ALTER TABLE action's.
     */
    private static Token tokenAt(ParsedStatement statement, int offset) {
        List<Token> tokens = statement.statement().tokens();
        int i = 0;
        while (i < tokens.size() && tokens.get(i).offset() != offset) {
            i++;
        }
        if (i < tokens.size() && (tokens.get(i).is("add") || tokens.get(i).is("alter"))) {
            i++;
            if (i < tokens.size() && tokens.get(i).is("column")) {
                i++;
            }
            if (i + 2 < tokens.size() && tokens.get(i).is("if") && tokens.get(i + 1).is("not")
                    && tokens.get(i + 2).is("exists")) {
                i += 3;
            }
        }
        return i < tokens.size() ? tokens.get(i) : null;
    }
}
