package io.github.rsevolve.maven;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.copy.CopySettings;
import io.github.rsevolve.core.copy.CopyTable;
import io.github.rsevolve.core.copy.DataCopier;
import io.github.rsevolve.core.copy.S3Staging;
import io.github.rsevolve.core.copy.TableCopy;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.report.JsonReporter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Copies tables from one environment to another (e.g. the last 90 days of PRO into QA): through S3 with UNLOAD and
 * COPY between two Redshift clusters when {@code <s3Staging>} is configured, over JDBC otherwise; each table replaced
 * in one transaction of the target, and each copy proven with row counts, numeric sums and a checksum computed in SQL
 * on both sides. Writes target/redshift/copy-data.json; a failed proof fails the build.
 */
@Mojo(name = "copy-data", threadSafe = true, configurator = MaskingConfigurator.HINT)
public final class CopyDataMojo extends AbstractProjectMojo {

    /** The environments copy-data can name, each with its URL, credentials and whether it is protected. */
    @Parameter
    private List<EnvironmentConfig> environments;

    /** What to copy: tables or patterns, with a filter, excluded and masked columns. */
    @Parameter
    private List<Copy> copies;

    /** Between two Redshift clusters, copy through this S3 folder with UNLOAD and COPY instead of over JDBC. */
    @Parameter
    private S3StagingConfig s3Staging;

    /** The environment to copy from, by name. */
    @Parameter(property = "redshift.from")
    private String from;

    /** The environment to copy into, by name. */
    @Parameter(property = "redshift.to")
    private String to;

    /** Tables or patterns to copy instead of the configured ones, comma-separated, e.g. dw.orders,dw.dim_*. */
    @Parameter(property = "redshift.tables")
    private String tables;

    /** Write into an environment marked protected all the same. */
    @Parameter(property = "redshift.allowProtectedTarget", defaultValue = "false")
    private boolean allowProtectedTarget;

    /** Rows per batch read from the source and written to the target. */
    @Parameter(property = "redshift.batchRows", defaultValue = "10000")
    private int batchRows;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        EnvironmentConfig source = named(from, "redshift.from");
        EnvironmentConfig target = named(to, "redshift.to");
        if (batchRows < 1) {
            throw new RedshiftException(SETTINGS, "redshift.batchRows is " + batchRows + "; set it to 1 or more.");
        }
        CopySettings settings = new CopySettings(lintSettings(), environment(source), environment(target),
                tables(), target.isProtected, allowProtectedTarget, batchRows, staging(source, target));
        List<TableCopy> copied = DataCopier.copy(settings, getLog()::info);
        try {
            JsonReporter.write(List.of(), reportDir.toPath().resolve("copy-data.json"),
                    Map.of("from", source.name, "to", target.name, "tables", copied));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + reportDir + "/copy-data.json: " + e.getMessage(), e);
        }
        List<String> failed = copied.stream().filter(c -> !c.proven()).map(TableCopy::table).toList();
        if (!failed.isEmpty()) {
            throw new MojoFailureException("redshift:copy-data: the proof failed for " + String.join(", ", failed)
                    + ": source and target differ after the copy (see above and target/redshift/copy-data.json).");
        }
        getLog().info("redshift:copy-data: " + copied.size() + " table(s) copied from " + source.name + " to "
                + target.name + ", each proven by count, sums and checksum.");
    }

    private S3Staging staging(EnvironmentConfig source, EnvironmentConfig target) {
        if (s3Staging == null) {
            return null;
        }
        return new S3Staging(s3Staging.location, source.iamRole != null ? source.iamRole : s3Staging.iamRole,
                target.iamRole != null ? target.iamRole : s3Staging.iamRole, s3Staging.region);
    }

    private Environment environment(EnvironmentConfig config) {
        return new ConnectionOptions(config.table, Map.of(), config.translate, config.statementTimeout,
                AbstractEnvironmentMojo.commaSeparated(config.schemas), config.connectTimeout)
                .environment(credentials(), config.name, JdbcUrl.valueOf(config.url), config.user, config.serverId,
                        null);
    }

    private EnvironmentConfig named(String name, String property) {
        List<EnvironmentConfig> known = environments == null ? List.of() : environments;
        if (name == null || name.isBlank()) {
            throw new RedshiftException(SETTINGS, property + " is not set: name one of the environments "
                    + known.stream().map(e -> e.name).toList() + " of the plugin's <environments>.");
        }
        return known.stream().filter(e -> name.equals(e.name)).findFirst().orElseThrow(() ->
                new RedshiftException(SETTINGS, property + " is '" + name + "', but the plugin's <environments> has "
                        + known.stream().map(e -> e.name).toList() + "; add <environment><name>" + name
                        + "</name><url>...</url><serverId>...</serverId></environment>."));
    }

    private List<CopyTable> tables() {
        if (tables != null && !tables.isBlank()) {
            List<CopyTable> named = new ArrayList<>();
            for (String table : tables.split(",")) {
                if (!table.isBlank()) {
                    named.add(new CopyTable(table.trim(), null, List.of(), Map.of()));
                }
            }
            return named;
        }
        if (copies == null || copies.isEmpty()) {
            throw new RedshiftException(SETTINGS, "Name the tables to copy: <copies><copy><table>dw.orders</table>"
                    + "</copy></copies> in the plugin's configuration, or -Dredshift.tables=dw.orders.");
        }
        return copies.stream().map(c -> new CopyTable(c.table, c.where, c.excludes, c.masks)).toList();
    }
}
