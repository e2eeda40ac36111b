package io.github.rsevolve.core.changes;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;
import static io.github.rsevolve.core.finding.RedshiftException.Code.VALIDATE;

import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.lint.LintSettings;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.ProjectLoader;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.validate.ValidateResult;
import io.github.rsevolve.core.validate.ValidateSettings;
import io.github.rsevolve.core.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationState;

/**
 * redshift:diff: the absolute model and the schema to change (the changesets' build or an environment) built and
 * read, the next changesets drafted from their differences and written, and validate run with them to tell whether
 * model and changesets then match.
 */
public final class Differ {

    private Differ() {
    }

    public static DiffResult run(DiffSettings settings) {
        LintSettings lint = settings.throwaway().lint();
        Project project = ProjectLoader.load(lint.project());
        int pending = 0;
        Validator.Catalogs catalogs;
        if (settings.environment() == null) {
            catalogs = Validator.catalogs(settings.throwaway(), project);
        } else {
            Migrator migrator = new Migrator(settings.environment(), project);
            pending = (int) migrator.info().stream().filter(s -> s.state() == MigrationState.PENDING).count();
            catalogs = Validator.catalogsAgainst(settings.throwaway(), migrator);
        }
        if (!catalogs.problems().isEmpty()) {
            return new DiffResult(catalogs.problems(), null, List.of(), null, pending);
        }
        String subject = settings.environment() == null ? "the schema the changesets build"
                : "environment " + settings.environment().name();
        Draft draft = ChangesetDrafter.draft(project, catalogs.model(), catalogs.current(),
                new ChangesetDrafter.Settings(description(settings.description()), settings.allowDestructive(),
                        SourceFile.displayPath(lint.baseDir(), lint.incrementalDir()), subject));
        if (draft.isEmpty()) {
            return new DiffResult(List.of(), draft, List.of(), null, pending);
        }
        Path folder = settings.dryRun() ? copyOfIncremental(lint.incrementalDir(), settings.scratch())
                : lint.incrementalDir();
        List<Path> written = write(draft, folder);
        ValidateResult check = null;
        try {
            if (settings.check()) {
                LintSettings withDraft = new LintSettings(lint.baseDir(), lint.absoluteDir(), folder, lint.etlDir(),
                        lint.ruleLevels(), lint.parseTimeoutMillis(), lint.maxFileBytes(), lint.threads(), List.of(),
                        lint.queryDepth());
                ValidateSettings throwaway = settings.throwaway();
                check = Validator.run(new ValidateSettings(withDraft, throwaway.throwawayUrl(), throwaway.user(),
                        throwaway.password(), false, throwaway.statementTimeoutSeconds(), throwaway.historyTable()));
            }
        } finally {
            if (settings.dryRun()) {
                delete(folder);
            }
        }
        return new DiffResult(List.of(), draft, settings.dryRun() ? List.of() : written, check, pending);
    }

    /** A description Flyway can name a changeset with: some letters or digits, "draft" when none are given. */
    private static String description(String description) {
        return description == null || description.replaceAll("[^A-Za-z0-9]", "").isEmpty() ? "draft" : description;
    }

    private static List<Path> write(Draft draft, Path folder) {
        List<Path> targets = draft.files().stream().map(f -> folder.resolve(f.fileName())).toList();
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw new RedshiftException(SETTINGS, target
                        + " exists already; nothing was written. Remove it, or draft "
                        + "with another -Dredshift.description.");
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < targets.size(); i++) {
                Files.writeString(targets.get(i), draft.files().get(i).sql());
                written.add(targets.get(i));
            }
        } catch (IOException e) {
            throw new RedshiftException(VALIDATE, "Cannot write the draft to " + folder + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A scratch folder left behind is harmless: the next dry run empties it, mvn clean removes it.
        }
    }

    /** A copy of the incremental folder, where a dry run's draft is checked without touching the project. */
    private static Path copyOfIncremental(Path incremental, Path scratch) {
        try {
            if (Files.exists(scratch)) {
                delete(scratch);
            }
            Files.createDirectories(scratch);
            if (Files.isDirectory(incremental)) {
                try (Stream<Path> files = Files.walk(incremental)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Path target = scratch.resolve(incremental.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(file, target);
                        }
                    }
                }
            }
            return scratch;
        } catch (IOException e) {
            throw new RedshiftException(VALIDATE, "Cannot copy " + incremental + " to " + scratch + " for the dry run: "
                    + e.getMessage(), e);
        }
    }
}
