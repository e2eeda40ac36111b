package io.github.rsevolve.core.model;

import io.github.rsevolve.core.sql.SqlStatement;

/** A COMMENT ON statement; text is null for COMMENT ... IS NULL. */
public record Comment(String objectType, ObjectName object, String text, SqlStatement source) {
}
