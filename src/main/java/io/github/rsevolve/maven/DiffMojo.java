package io.github.rsevolve.maven;

import io.github.rsevolve.core.changes.DiffResult;
import io.github.rsevolve.core.changes.DiffSettings;
import io.github.rsevolve.core.changes.Differ;
import io.github.rsevolve.core.changes.Draft;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.report.TextReporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Drafts the next changeset(s) from the differences between the absolute model and the schema the changesets build
 * (or, with redshift.url, a live environment), writes them into the incremental folder, and runs validate with them
 * to tell whether model and changesets then match. Writes target/redshift/diff.json.
 */
@Mojo(name = "diff", threadSafe = true, configurator = MaskingConfigurator.HINT)
public final class DiffMojo extends AbstractEnvironmentMojo {

    /** The drafted changesets' description: V&lt;next&gt;__&lt;description&gt;.sql. */
    @Parameter(property = "redshift.description", defaultValue = "draft")
    private String description;

    /** Write DROP TABLE / COLUMN / SCHEMA and REVOKE as statements; without it they are comments with a warning. */
    @Parameter(property = "redshift.allowDestructive", defaultValue = "false")
    private boolean allowDestructive;

    /** Print the draft instead of writing it (it is still checked, in a temporary copy of the folder). */
    @Parameter(property = "redshift.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Run validate with the draft to tell whether the absolute model and the changesets then match. */
    @Parameter(property = "redshift.check", defaultValue = "true")
    private boolean check;

    @Override
    protected boolean environmentOptional() {
        return true;
    }

    @Override
    protected void runOn(Environment target) throws MojoExecutionException, MojoFailureException {
        DiffResult result = Differ.run(new DiffSettings(validateSettings(), target, description, allowDestructive,
                dryRun, check, reportDir.toPath().resolve("diff-dry-run")));
        List<Finding> findings = new ArrayList<>(result.problems());
        Map<String, Object> report = new LinkedHashMap<>();
        if (result.pending() > 0) {
            getLog().warn("Environment " + target.name() + " has " + result.pending() + " pending changeset(s): the "
                    + "draft takes the environment as it is now to the absolute model, so it repeats what they do. "
                    + "Deploy them first with redshift:migrate, or draft without redshift.url against the changesets.");
        }
        if (result.draft() == null) {
            log(TextReporter.lines(findings, "redshift:diff: the builds failed before a draft could be made; "
                    + "run redshift:validate and fix these first."));
            writeReports("diff", findings, report);
            failOnFindings("redshift:diff", findings);
            return;
        }
        Draft draft = result.draft();
        if (draft.isEmpty()) {
            getLog().info("redshift:diff: the absolute model and " + (target == null ? "the changesets"
                    : "environment " + target.name()) + " agree; nothing to draft.");
            writeReports("diff", findings, report);
            return;
        }
        for (Draft.File file : draft.files()) {
            if (dryRun) {
                getLog().info("redshift:diff (dry run) would write " + incrementalDir.toPath().resolve(file.fileName())
                        + ":\n" + file.sql());
            }
        }
        for (Path written : result.written()) {
            getLog().info("redshift:diff wrote " + written);
        }
        findings.addAll(draft.findings());
        report.put("changesets", draft.files().stream().map(Draft.File::fileName).toList());
        report.put("changes", draft.changes());
        String summary = draft.changes() + " change(s) in " + draft.files().size() + " changeset(s)";
        if (result.check() != null) {
            report.put("matches", result.matches());
            report.put("remainingDrift", result.check().drift());
            List<Finding> checkErrors = result.check().findings().stream()
                    .filter(f -> f.severity().isAtLeast(Severity.WARNING)).toList();
            findings.addAll(checkErrors);
            summary += result.matches() ? "; with it, the absolute model and the changesets match (validate: no "
                    + "drift, no error)." : "; with it, validate still finds " + result.check().drift().size()
                    + " difference(s) and " + result.check().count(Severity.ERROR)
                    + " error(s): see above.";
        }
        log(TextReporter.lines(findings, "redshift:diff: " + summary));
        writeReports("diff", findings, report);
    }
}
