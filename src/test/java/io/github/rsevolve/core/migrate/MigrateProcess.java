package io.github.rsevolve.core.migrate;

import io.github.rsevolve.core.db.EmbeddedLogin;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.nio.file.Path;
import java.util.Map;

/** A migrate in a JVM of its own, for the concurrency and kill tests: args are the project and the JDBC URL. */
public final class MigrateProcess {

    private MigrateProcess() {
    }

    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        Path redshift = project.resolve("src/main/redshift");
        LintSettings settings = new LintSettings(project, redshift.resolve("absolute"),
                redshift.resolve("incremental"), redshift.resolve("etl"), Map.of(),
                RedshiftParser.DEFAULT_TIMEOUT_MILLIS, SqlSourceReader.DEFAULT_MAX_FILE_BYTES, 1);
        Environment environment = new Environment("test", args[1], "postgres", EmbeddedLogin.password(),
                "flyway_schema_history", Map.of(), true, 120);
        long errors = new Migrator(environment, ProjectLoader.load(settings.project())).migrate(settings, System.out::println)
                .stream().filter(f -> f.severity() == Severity.ERROR).count();
        System.exit(errors == 0 ? 0 : 1);
    }

    /** Starts the process with this JVM's class path. */
    static Process start(Path project, String url, Path log) throws java.io.IOException {
        return EmbeddedLogin.handOver(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), MigrateProcess.class.getName(),
                project.toString(), url))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
