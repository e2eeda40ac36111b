package io.github.rsevolve.core.project;

import io.github.rsevolve.core.model.Schema;
import io.github.rsevolve.core.model.SchemaModel;
import io.github.rsevolve.core.parse.ParsedStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        return Stream.of(absolute.stream(), changesets.stream().map(Changeset::script), etl.stream())
                .flatMap(scripts -> scripts).flatMap(script -> script.statements().stream())
                .map(ParsedStatement::definition)
                .filter(definition -> definition instanceof Schema schema && schema.external())
                .map(schema -> schema.name().name()).collect(Collectors.toUnmodifiableSet());
    }
}
