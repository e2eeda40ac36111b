package io.github.rsevolve.core.project;

import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlScript;
import java.util.List;

/** A file of the data model, split and parsed. */
public record Script(Origin origin, SqlScript script, List<ParsedStatement> statements) {

    public SourceFile file() {
        return script.file();
    }
}
