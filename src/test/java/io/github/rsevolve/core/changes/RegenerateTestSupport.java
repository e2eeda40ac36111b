package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.validate.ValidateResult;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Project folders for regenerate tests, and validate on the embedded PostgreSQL. */
public final class RegenerateTestSupport {

    private RegenerateTestSupport() {
    }

    public static LintSettings settings(Path project) {
        Path redshift = project.resolve("src/main/redshift");
        return new LintSettings(project, redshift.resolve("absolute"), redshift.resolve("incremental"),
                redshift.resolve("etl"), Map.of(), RedshiftParser.DEFAULT_TIMEOUT_MILLIS,
                SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
    }

    /** The project as redshift:regenerate loads it: queries read for their references only. */
    public static Project load(Path project) {
        return ProjectLoader.load(settings(project).project(), ParseDepth.TOKENS);
    }

    public static ValidateResult validate(Path project) {
        return Validator.run(new ValidateSettings(settings(project), null, null, null, false, 60,
                "flyway_schema_history"));
    }

    public static Path write(Path project, String path, String sql) throws IOException {
        Path file = project.resolve("src/main/redshift").resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, sql);
    }

    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
