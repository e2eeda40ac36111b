package io.github.rsevolve.maven;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.migrate.ChangesetState;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.validate.Validator;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.flywaydb.core.api.MigrationState;

/**
 * Which data-model version the environment is on: every changeset's state (applied, pending, failed, out of order)
 * and the drift against the absolute model, in the log and target/redshift/info-&lt;environment&gt;.json.
 */
@Mojo(name = "info", threadSafe = true, configurator = MaskingConfigurator.HINT)
public final class InfoMojo extends AbstractEnvironmentMojo {

    /** Also compare the environment's catalog with the absolute model. */
    @Parameter(property = "redshift.verify", defaultValue = "true")
    private boolean verify;

    @Override
    protected void runOn(Environment target) throws MojoExecutionException {
        Project project = ProjectLoader.load(lintSettings().project());
        Migrator migrator = migrator(target, project);
        List<ChangesetState> states = migrator.info();
        getLog().info(String.format("%-10s %-40s %-14s %s", "Version", "Changeset", "State", "Installed on"));
        String current = "none";
        for (ChangesetState state : states) {
            getLog().info(String.format("%-10s %-40s %-14s %s", state.version() == null ? "R" : state.version(),
                    state.script(), state.state(), state.installedOn() == null ? "" : state.installedOn()));
            if (state.state() == MigrationState.SUCCESS && state.version() != null) {
                current = state.version();
            }
        }
        List<Finding> drift = verify ? Validator.driftAgainst(validateSettings(), migrator) : List.of();
        getLog().info("Environment " + target.name() + " is on version " + current + "; "
                + states.stream().filter(s -> s.state() == MigrationState.PENDING).count() + " pending; "
                + (verify ? drift.size() + " drift(s) against the absolute model" : "drift not checked") + ".");
        drift.forEach(f -> getLog().warn(f.toString()));
        writeReports("info-" + target.name(), drift, Map.of("environment", target.name(), "version", current,
                "changesets", states));
    }
}
