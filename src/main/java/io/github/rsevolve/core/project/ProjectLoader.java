package io.github.rsevolve.core.project;

import static io.github.rsevolve.core.finding.RedshiftException.Code.SETTINGS;

import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.SchemaModel;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlScript;
import io.github.rsevolve.core.sql.SqlSourceReader;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Reads and parses a project's three folders, files in parallel, and builds its absolute model. */
public final class ProjectLoader {

    private ProjectLoader() {
    }

    /** Reads and parses the three folders, files in parallel, and builds the absolute model. */
    public static Project load(ProjectSettings settings) {
        return load(settings, settings.queryDepth());
    }

    /** As {@link #load(ProjectSettings)}, reading queries only as deep as asked. */
    public static Project load(ProjectSettings settings, ParseDepth depth) {
        return load(settings, depth, script -> { });
    }

    /** Loads the project; each file, once parsed, is also handed to 'parsed' in the worker that parsed it. */
    public static Project load(ProjectSettings settings, ParseDepth depth, Consumer<Script> parsed) {
        return load(settings, depth, parsed, null, List.of());
    }

    /**
     * The project as far as a regeneration of these objects needs it, queries read from their tokens: of the
     * absolute model's CREATE statements only those that can read the objects, directly or through views, and
     * the definitions of what those read ({@link ReachingStatements}); every other statement of the model and
     * every changeset; no ETL file.
     *
     * @param alsoDefined names whose definitions, if the model has them, are read too (a deep copy's _old table)
     */
    public static Project loadReaching(ProjectSettings settings, Collection<ObjectName> objects,
                                       Collection<ObjectName> alsoDefined) {
        return load(settings, ParseDepth.TOKENS, script -> { }, List.copyOf(objects), List.copyOf(alsoDefined));
    }

    /** The project; with 'reaching' (not null), as {@link #loadReaching} reads it. */
    private static Project load(ProjectSettings settings, ParseDepth depth, Consumer<Script> parsed,
                                List<ObjectName> reaching, List<ObjectName> alsoDefined) {
        SqlSourceReader reader = new SqlSourceReader(settings.baseDir(), settings.maxFileBytes());
        List<Path> emptyFolders = new ArrayList<>();
        List<Path> absoluteFiles = sqlFiles(settings.absoluteDir(), emptyFolders);
        // Each changeset's folder: Flyway names a changeset by its path below its own location.
        Map<Path, Path> folderOf = new LinkedHashMap<>();
        for (Path folder : settings.incrementalDirs()) {
            for (Path file : sqlFiles(folder, emptyFolders)) {
                folderOf.putIfAbsent(file.toAbsolutePath().normalize(), folder);
            }
        }
        List<Path> incrementalFiles = List.copyOf(folderOf.keySet());
        List<Path> etlFiles = reaching == null ? sqlFiles(settings.etlDir(), emptyFolders) : List.of();

        List<Script> absolute;
        List<Script> incremental;
        List<Script> etl;
        try (RedshiftParser parser = new RedshiftParser(settings.parseTimeoutMillis(), depth)) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
            try {
                List<Future<ReachingStatements.FileWords>> read = reaching == null ? List.of()
                        : absoluteFiles.stream().map(file -> pool.submit(() -> ReachingStatements.FileWords.read(
                                reader, file))).toList();
                List<Future<Script>> a = reaching == null
                        ? submit(pool, reader, parser, absoluteFiles, Origin.ABSOLUTE, parsed) : List.of();
                List<Future<Script>> i = submit(pool, reader, parser, incrementalFiles, Origin.INCREMENTAL,
                        parsed);
                List<Future<Script>> e = submit(pool, reader, parser, etlFiles, Origin.ETL, parsed);
                absolute = reaching == null ? join(a) : ReachingStatements.parse(join(read), reaching, alsoDefined,
                        parser, pool);
                incremental = join(i);
                etl = join(e);
            } finally {
                pool.shutdownNow();
            }
        }
        List<Changeset> changesets = new ArrayList<>(incremental.size());
        for (Script script : incremental) {
            changesets.add(Changeset.of(script, folderOf.getOrDefault(script.file().path(),
                    settings.incrementalDir())));
        }
        changesets.sort((x, y) -> x.isWellNamed() != y.isWellNamed() ? (x.isWellNamed() ? -1 : 1)
                : Changeset.compare(x, y));
        return new Project(absolute, List.copyOf(changesets), etl, model(absolute), emptyFolders,
                settings.baseDir().toAbsolutePath().normalize());
    }

    /** The .sql files below a folder, sorted; a missing folder is fine, an empty one is remembered. */
    private static List<Path> sqlFiles(Path folder, List<Path> emptyFolders) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try {
            List<Path> files = new ArrayList<>();
            addSqlFiles(folder, files);
            Collections.sort(files);
            if (files.isEmpty()) {
                emptyFolders.add(folder);
            }
            return List.copyOf(files);
        } catch (IOException | DirectoryIteratorException e) {
            throw new RedshiftException(SETTINGS, "Cannot list the SQL folder " + folder + ": "
                    + e.getClass().getSimpleName() + ". Check that it is readable.", e);
        }
    }

    /**
     * Adds the entries below the folder whose names end in .sql, at any depth, as Files.walk finds them: links are
     * not followed, and a folder named so is listed too (the reader reports it).
     */
    private static void addSqlFiles(Path folder, List<Path> files) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    files.add(entry);
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    addSqlFiles(entry, files);
                }
            }
        }
    }

    private static List<Future<Script>> submit(ExecutorService pool, SqlSourceReader reader,
                                                     RedshiftParser parser, List<Path> files, Origin origin,
                                                     Consumer<Script> parsed) {
        List<Future<Script>> futures = new ArrayList<>();
        for (Path file : files) {
            futures.add(pool.submit(() -> {
                try {
                    SqlScript script = reader.read(file);
                    Script linted = new Script(origin, script, parser.parseScript(script.statements()));
                    parsed.accept(linted);
                    return linted;
                } catch (OutOfMemoryError e) {
                    // The file's text, tokens and statements are garbage once this returns: the heap recovers,
                    // and the build reports the file instead of failing without naming it.
                    return new Script(origin, reader.tooLargeForHeap(file), List.of());
                }
            }));
        }
        return futures;
    }

    static <T> List<T> join(List<Future<T>> futures) {
        List<T> scripts = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            try {
                scripts.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Lint was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Lint failed on a file: " + e.getCause(), e.getCause());
            }
        }
        return scripts;
    }

    /** The model the absolute folder defines. */
    private static SchemaModel model(List<Script> absolute) {
        SchemaModel model = new SchemaModel();
        for (Script script : absolute) {
            for (ParsedStatement statement : script.statements()) {
                if (statement.definition() != null) {
                    model.add(statement.definition());
                }
                if (statement.grant() != null) {
                    model.addGrant(statement.grant());
                }
                if (statement.comment() != null) {
                    model.addComment(statement.comment());
                }
            }
        }
        return model;
    }
}
