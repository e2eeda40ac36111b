package io.github.rsevolve.core.model;

/**
 * A table column as written in the DDL.
 *
 * @param type         the data type as written, normalised to lower case with single spaces, e.g. {@code numeric(8,2)}
 * @param defaultValue the DEFAULT expression text, or null
 * @param encoding     the ENCODE compression, or null
 * @param identity     the IDENTITY definition, or null
 * @param distKey      a column-level DISTKEY
 * @param sortKey      a column-level SORTKEY
 * @param primaryKey   a column-level PRIMARY KEY
 * @param unique       a column-level UNIQUE
 * @param references   the table of a column-level REFERENCES, or null
 * @param offset       where the column is defined, as a character offset in the file
 */
public record Column(String name, String type, boolean notNull, String defaultValue, String encoding,
                     Identity identity, boolean distKey, boolean sortKey, boolean primaryKey, boolean unique,
                     ObjectName references, int offset) {
}
