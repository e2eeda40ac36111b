package io.github.rsevolve.maven;

import io.github.rsevolve.core.migrate.Environment;
import org.apache.maven.plugins.annotations.Mojo;

/** Repairs the environment's history table: failed entries removed, checksums realigned (Flyway repair). */
@Mojo(name = "repair", threadSafe = true, configurator = MaskingConfigurator.HINT)
public final class RepairMojo extends AbstractEnvironmentMojo {

    @Override
    protected boolean writesReports() {
        return false;
    }

    @Override
    protected void runOn(Environment target) {
        int upgraded = migrator(target).repair();
        if (upgraded > 0) {
            getLog().info("redshift:repair: " + upgraded + " history row(s) written by an earlier release of this "
                    + "plugin (type JDBC) now read as Flyway's SQL rows for the same changesets.");
        }
        getLog().info("redshift:repair: the history table of environment " + target.name() + " is repaired.");
    }
}
