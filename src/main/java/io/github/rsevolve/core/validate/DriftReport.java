package io.github.rsevolve.core.validate;

import io.github.rsevolve.core.catalog.CatalogDiffer.Drift;
import io.github.rsevolve.core.catalog.CatalogKey;
import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Schema;
import io.github.rsevolve.core.model.SchemaModel;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.Script;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.SqlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns drift into findings that name the object and both sides, located at the absolute model's definition of
 * the object (or, for an object only the changesets create, at the changeset statement that creates it).
 */
final class DriftReport {

    private final Map<ObjectName, ParsedStatement> modelDefinitions = new HashMap<>();
    private final Map<ObjectName, ParsedStatement> changesetStatements = new HashMap<>();
    private final SourceFile fallback;
    /** "after changesets V1..V6", or "on environment qa": where the other side's value is. */
    private final String after;
    /** "created by changesets V1..V6", or "on environment qa": where an object only the other side has is. */
    private final String createdBy;

    /** @param environment how the other side is named when it is an environment ("environment qa"), else null */
    DriftReport(Project project, String environment) {
        for (Script script : project.absolute()) {
            script.statements().stream().filter(s -> s.definition() != null)
                    .forEach(s -> modelDefinitions.putIfAbsent(key(s), s));
        }
        for (Changeset changeset : project.changesets()) {
            for (ParsedStatement statement : changeset.script().statements()) {
                if (statement.target() == null) {
                    continue;
                }
                changesetStatements.put(key(statement), statement);
                // ALTER TABLE ... RENAME TO makes the table of the new name: that is where it comes from.
                if (statement.alter() != null) {
                    statement.alter().actions().stream().filter(a -> a.type() == AlterTable.ActionType.RENAME_TABLE)
                            .forEach(a -> changesetStatements.put(new ObjectName(key(statement).schema(), a.subject()),
                                    statement));
                }
            }
        }
        List<Changeset> versioned = project.changesets().stream().filter(Changeset::isVersioned).toList();
        String changesetRange = versioned.isEmpty() ? "the changesets" : "changesets V" + versioned.get(0).version()
                + (versioned.size() > 1 ? "..V" + versioned.get(versioned.size() - 1).version() : "");
        after = environment == null ? "after " + changesetRange : "on " + environment;
        createdBy = environment == null ? "created by " + changesetRange : "on " + environment;
        fallback = !project.absolute().isEmpty() ? project.absolute().get(0).file()
                : project.changesets().isEmpty() ? null : project.changesets().get(0).script().file();
    }

    /** Relations by schema-qualified name (unqualified ones live in public); schemas by their own name. */
    private static ObjectName key(ParsedStatement statement) {
        return statement.definition() instanceof Schema ? statement.target()
                : statement.target().orSchema(SchemaModel.DEFAULT_SCHEMA);
    }

    /**
     * One finding per object that differs, listing its differences: a table or view only one build has is one
     * finding that counts its columns and constraints instead of reporting each.
     */
    List<Finding> findings(List<Drift> drifts) {
        Map<String, Boolean> missingRelations = new HashMap<>();
        for (Drift drift : drifts) {
            if (drift.isMissing() && drift.object().isRelation()) {
                missingRelations.put(owner(drift.object()), drift.model() != null);
            }
        }
        Map<String, Integer> parts = new HashMap<>();
        List<Drift> reported = new ArrayList<>();
        for (Drift drift : drifts) {
            String relation = owner(drift.object());
            boolean part = drift.isMissing() && !drift.object().isRelation()
                    && Boolean.valueOf(drift.model() != null).equals(missingRelations.get(relation));
            if (part) {
                parts.merge(relation, 1, Integer::sum);
            } else {
                reported.add(drift);
            }
        }
        // One finding per object: several differences of one table or view are listed in one message, located at
        // the object's definition when one of them is about the whole object, else at the first.
        Map<String, List<Drift>> byObject = new LinkedHashMap<>();
        reported.forEach(drift -> byObject.computeIfAbsent(owner(drift.object()),
                k -> new ArrayList<>()).add(drift));
        List<Finding> findings = new ArrayList<>();
        byObject.forEach((object, differences) -> {
            List<String> messages = differences.stream().map(drift -> message(drift,
                    drift.object().isRelation() ? parts.getOrDefault(object, 0) : 0)).toList();
            String message = messages.size() == 1 ? messages.get(0) : object + ": " + messages.size()
                    + " differences: " + String.join("; ", messages.stream()
                    .map(m -> m.substring(0, m.length() - 1)).toList()) + ".";
            Drift where = differences.stream().filter(d -> d.object().isRelation()).findFirst()
                    .orElse(differences.get(0));
            findings.add(at(where, message));
        });
        return findings;
    }

    /** @param parts how many of the object's columns and constraints the message stands for */
    private String message(Drift drift, int parts) {
        String message;
        if (drift.isMissing()) {
            String with = parts == 0 ? "" : ", with its " + parts
                    + (parts == 1 ? " column or constraint" : " columns and constraints");
            message = drift.model() != null
                    ? describe(drift.object()) + ": in the absolute model, missing " + after + with
                            + "."
                    : describe(drift.object()) + ": " + createdBy + ", not in the absolute model"
                            + with + ".";
        } else {
            message = describe(drift.object()) + ": " + drift.property() + " " + value(drift.model())
                    + " in the absolute model, " + value(drift.changes()) + " " + after + ".";
        }
        return message;
    }

    private Finding at(Drift drift, String message) {
        return locate(drift).map(s -> DatabaseCheck.DRIFT.at(s.file(), s.offset, message))
                .orElseGet(() -> DatabaseCheck.DRIFT.at(fallback, 0, message));
    }

    private static String value(String value) {
        return value == null ? "none" : value;
    }

    /** A column reads as "dw.orders.total"; other kinds keep their word. */
    private static String describe(CatalogKey object) {
        return object.kind() == CatalogKey.Kind.COLUMN ? object.object().toSql() + "." + SqlText.name(object.column())
                : object.toString();
    }

    /** What the fact belongs to, as messages name it: "dw.orders" for its columns too; a grant is its own. */
    private static String owner(CatalogKey object) {
        return object.object() == null ? object.toString() : object.object().toSql();
    }

    private record Location(SourceFile file, int offset) {
    }

    private Optional<Location> locate(Drift drift) {
        String column = drift.object().column();
        ObjectName objectName = drift.object().object();
        if (objectName == null) {
            return Optional.empty();
        }
        ParsedStatement definition = drift.model() != null || changesetStatements.get(objectName) == null
                ? modelDefinitions.get(objectName) : changesetStatements.get(objectName);
        if (definition == null) {
            definition = changesetStatements.get(objectName);
        }
        if (definition == null) {
            return Optional.empty();
        }
        SqlStatement statement = definition.statement();
        if (column != null && definition.definition() instanceof Table table) {
            Column defined = table.column(column);
            if (defined != null) {
                return Optional.of(new Location(statement.file(), defined.offset()));
            }
        }
        return Optional.of(new Location(statement.file(), statement.startOffset()));
    }
}
