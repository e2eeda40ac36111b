package io.github.rsevolve.maven;

import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.report.TextReporter;
import io.github.rsevolve.core.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deploys the pending changesets to the environment (mvn redshift:migrate -Pqa): lint on them first, then Flyway
 * with progress per changeset, then, with redshift.verify, the environment compared with the absolute model.
 */
@Mojo(name = "migrate", threadSafe = true, configurator = MaskingConfigurator.HINT)
public final class MigrateMojo extends AbstractEnvironmentMojo {

    /** Print and write target/redshift/migrate-&lt;environment&gt;.sql, the SQL that would run, and change nothing. */
    @Parameter(property = "redshift.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** After a successful deploy, compare the environment's catalog with the absolute model. */
    @Parameter(property = "redshift.verify", defaultValue = "true")
    private boolean verify;

    @Override
    protected void runOn(Environment target) throws MojoExecutionException, MojoFailureException {
        Project project = ProjectLoader.load(lintSettings().project());
        Migrator migrator = migrator(target, project);
        if (dryRun) {
            String sql = migrator.dryRun();
            Path file = reportDir.toPath().resolve("migrate-" + target.name() + ".sql");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, sql);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            getLog().info("redshift:migrate dry run for " + target.name() + " (written to " + file + "):\n" + sql);
            return;
        }
        getLog().info("redshift:migrate to environment " + target.name());
        List<Finding> findings = new ArrayList<>(migrator.migrate(lintSettings(), getLog()::info));
        boolean failed = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        if (!failed && verify) {
            findings.addAll(Validator.driftAgainst(validateSettings(), migrator));
        }
        log(TextReporter.lines(findings, "redshift:migrate: " + target.name() + (failed ? " stopped" : " done")
                + ", " + findings.stream().filter(f -> f.rule().equals(DatabaseCheck.DRIFT.checkName())).count() + " drift(s)"));
        writeReports("migrate-" + target.name(), findings, null);
        failOnFindings("redshift:migrate", findings);
    }
}
