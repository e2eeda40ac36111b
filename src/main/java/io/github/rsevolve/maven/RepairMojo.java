package io.github.rsevolve.maven;

import io.github.rsevolve.core.migrate.Environment;
import org.apache.maven.plugins.annotations.Mojo;

/** Repairs the environment's history table: failed entries removed, checksums realigned (Flyway repair). */
@Mojo(name = "repair", threadSafe = true)
public final class RepairMojo extends AbstractEnvironmentMojo {

    @Override
    protected void runOn(Environment target) {
        migrator(target).repair();
        getLog().info("redshift:repair: the history table of environment " + target.name() + " is repaired.");
    }
}
