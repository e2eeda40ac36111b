package io.github.rsevolve.maven;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.changes.Regeneration;
import io.github.rsevolve.core.changes.Regenerator;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.migrate.Environment;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.report.GraphPictures;
import io.github.rsevolve.core.validate.ValidateResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the next changeset for objects other views depend on: their dependents dropped in reverse dependency
 * order, the change, and the dependents recreated from the absolute model with grants and comments. With
 * redshift.deepCopy, the safe deep copy of a table. With an environment (-Pqa), the views it has beyond the model and
 * what its bound views read there join the model's dependencies. Also writes target/redshift/dependencies.dot and .mmd.
 */
@Mojo(name = "regenerate", threadSafe = true, configurator = MaskingConfigurator.HINT)
public final class RegenerateMojo extends AbstractEnvironmentMojo {

    /**
     * The changed objects, comma-separated, e.g. dw.orders,mart.v_daily; quote names that need it. Without it, the
     * objects whose absolute definitions differ from what the changesets build (validate's drift).
     */
    @Parameter(property = "redshift.objects")
    private String objects;

    /** A file with the change itself (SQL), placed between the drops and the creates. */
    @Parameter(property = "redshift.change")
    private File change;

    /** A table to deep copy to its absolute definition, e.g. dw.orders. */
    @Parameter(property = "redshift.deepCopy")
    private String deepCopy;

    /**
     * What the dependency pictures (dependencies.dot and dependencies.mmd in the report folder) draw: neighbourhood,
     * the changed and recreated objects with what each reads and what reads it; or all, the whole model.
     */
    @Parameter(property = "redshift.pictures", defaultValue = "neighbourhood")
    private String pictures;

    /** Print the changeset instead of writing it. */
    @Parameter(property = "redshift.dryRun", defaultValue = "false")
    private boolean dryRun;

    @Override
    protected boolean writesReports() {
        return false;
    }

    @Override
    protected boolean environmentOptional() {
        return true;
    }

    @Override
    protected void runOn(Environment live) throws MojoExecutionException {
        boolean copy = deepCopy != null && !deepCopy.isBlank();
        List<ObjectName> named = copy ? List.of(ObjectName.parse(deepCopy))
                : objects == null || objects.isBlank() ? List.of() : ObjectName.parseList(objects);
        // Regenerate needs each view's references, not a syntax check of its query (lint and validate do that);
        // for named objects, only the views that can read them. The environment's dependencies, validate's drift
        // and a picture of everything need the whole model.
        Project project = live == null && !named.isEmpty() && pictureScope() == GraphPictures.Scope.NEIGHBOURHOOD
                ? ProjectLoader.loadReaching(lintSettings().project(), named,
                        copy ? List.of(Regenerator.deepCopyOldName(named.get(0))) : List.of())
                : ProjectLoader.load(lintSettings().project(), ParseDepth.TOKENS);
        Regenerator regenerator = live == null ? new Regenerator(project)
                : Regenerator.withEnvironment(project, migrator(live, project));
        if (!regenerator.onlyOnEnvironment().isEmpty()) {
            getLog().warn("redshift:regenerate: environment " + live.name() + " has "
                    + regenerator.onlyOnEnvironment().size() + " relation(s) the absolute model lacks: "
                    + regenerator.onlyOnEnvironment().stream().map(Object::toString).collect(Collectors.joining(", "))
                    + ". Views among them that read a changed object are dropped and created again from the "
                    + "environment's definitions.");
        }
        Regeneration regeneration;
        try {
            if (copy) {
                regeneration = regenerator.deepCopy(named.get(0));
            } else {
                List<ObjectName> names = named.isEmpty() ? changedObjects(regenerator) : named;
                if (names.isEmpty()) {
                    getLog().info("redshift:regenerate: the absolute model and the changesets agree; nothing to do.");
                    return;
                }
                regeneration = regenerator.regenerate(names, change == null ? null : readChange());
            }
        } catch (RedshiftException e) {
            throw new RedshiftException(SETTINGS, e.getMessage() + " Nothing was written.", e);
        }
        Path target = incrementalDir.toPath().resolve(regeneration.fileName());
        try {
            GraphPictures.write(regeneration.graph(), regeneration.changed(), regeneration.recreated(),
                    pictureScope(), reportDir.toPath());
            if (dryRun) {
                getLog().info("redshift:regenerate (dry run) would write " + target + ":\n" + regeneration.sql());
                return;
            }
            if (Files.exists(target)) {
                throw new RedshiftException(SETTINGS, target + " exists already; nothing was written.");
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, regeneration.sql());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        getLog().info("redshift:regenerate wrote " + target + ": " + regeneration.recreated().size()
                + " view(s) dropped and recreated. Review it, then run redshift:validate.");
    }

    /** The objects with drift, found by validate on throwaway databases. */
    private List<ObjectName> changedObjects(Regenerator regenerator) {
        ValidateResult result = validate(validateSettings());
        if (result.hasAtLeast(Severity.ERROR) && result.drift().isEmpty()) {
            throw new RedshiftException(SETTINGS,
                    "redshift:regenerate needs the drift of redshift:validate, which found "
                    + result.count(Severity.ERROR) + " error(s) first; run redshift:validate and fix them.");
        }
        List<ObjectName> changed = regenerator.objectsWithDrift(result.drift());
        getLog().info("redshift:regenerate: objects with drift: " + changed);
        return changed;
    }

    private String readChange() {
        try {
            return Files.readString(change.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RedshiftException(SETTINGS, "redshift.change: cannot read " + change + ": "
                    + e.getClass().getSimpleName() + ".", e);
        }
    }

    private GraphPictures.Scope pictureScope() {
        String scope = pictures.trim().toLowerCase(Locale.ROOT);
        return switch (scope) {
            case "neighbourhood", "neighborhood" -> GraphPictures.Scope.NEIGHBOURHOOD;
            case "all" -> GraphPictures.Scope.ALL;
            default -> throw new RedshiftException(SETTINGS, "redshift.pictures: '" + pictures
                    + "' is not neighbourhood or all.");
        };
    }
}
