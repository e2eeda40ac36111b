package io.github.rsevolve.maven;

import io.github.rsevolve.core.migrate.Environment;
import org.apache.maven.plugins.annotations.Mojo;

/** Marks an existing environment as being on a version, so migrate starts after it (Flyway baseline). */
@Mojo(name = "baseline", threadSafe = true, configurator = MaskingConfigurator.HINT)
public final class BaselineMojo extends AbstractEnvironmentMojo {

    @Override
    protected boolean writesReports() {
        return false;
    }

    @Override
    protected void runOn(Environment target) {
        migrator(target).baseline(baselineVersion);
        getLog().info("redshift:baseline: environment " + target.name() + " is now on version " + baselineVersion
                + ".");
    }
}
