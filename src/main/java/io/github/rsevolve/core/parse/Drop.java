package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.ObjectName;
import java.util.List;

/**
 * A DROP statement.
 *
 * @param objectType upper-case, e.g. TABLE, VIEW, MATERIALIZED VIEW, EXTERNAL TABLE, LIBRARY
 */
public record Drop(String objectType, List<ObjectName> names, boolean ifExists, boolean cascade) {
}
