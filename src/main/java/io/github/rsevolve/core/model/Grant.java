package io.github.rsevolve.core.model;

import io.github.rsevolve.core.sql.SqlStatement;
import java.util.List;

/**
 * A GRANT or REVOKE.
 *
 * @param privileges upper-case privilege words, e.g. SELECT, ALL, USAGE
 * @param objectType TABLE, SCHEMA, FUNCTION, ... ; TABLE when the statement names none
 * @param objects    the objects; empty for ALL TABLES IN SCHEMA (then schemas holds the schemas)
 * @param grantees   lower-case grantees, "public" for PUBLIC, "group x" / "role x" for groups and roles
 */
public record Grant(boolean revoke, List<String> privileges, String objectType, List<ObjectName> objects,
                    List<String> grantees, SqlStatement source) {
}
