package io.github.rsevolve.core.project;

import io.github.rsevolve.core.model.Schema;
import io.github.rsevolve.core.model.SchemaModel;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything lint reads, parsed: the absolute model's files and the model they define, the changesets in the order
 * Flyway applies them, the ETL files, and the configured folders that exist but hold no SQL.
 */
public record Project(List<Script> absolute, List<Changeset> changesets, List<Script> etl,
                          SchemaModel absoluteModel, List<Path> emptyFolders, Path baseDir) {

    /**
     * The external schemas any file creates (CREATE EXTERNAL SCHEMA): their tables live in a data catalog outside
     * the cluster (docs: CREATE EXTERNAL SCHEMA), so no file of the project defines them.
     */
    public Set<String> externalSchemas() {
        Set<String> external = new HashSet<>();
        for (Script script : scripts()) {
            for (ParsedStatement statement : script.statements()) {
                if (statement.definition() instanceof Schema schema && schema.external()) {
                    external.add(schema.name().name());
                }
            }
        }
        return Set.copyOf(external);
    }

    /** Every file: the absolute model's, the changesets' in their order, the ETL's. */
    public List<Script> scripts() {
        List<Script> scripts = new ArrayList<>(absolute);
        for (Changeset changeset : changesets) {
            scripts.add(changeset.script());
        }
        scripts.addAll(etl);
        return scripts;
    }
}
