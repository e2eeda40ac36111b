package io.github.rsevolve.core.lint;

import io.github.rsevolve.core.model.SchemaModel;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlScript;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.sql.SqlStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs lint: reads and parses the three folders (files in parallel), builds the model, runs every enabled rule. */
public final class Linter {

    private Linter() {
    }

    /** Every rule on the class path, ordered by id. */
    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class, Linter.class.getClassLoader()).forEach(rules::add);
        rules.sort(Comparator.comparing(rule -> rule.info().id()));
        return rules;
    }

    public static LintResult run(LintSettings settings) {
        long start = System.nanoTime();
        return check(load(settings), settings, start);
    }

    /** Reads and parses the three folders, files in parallel, and builds the absolute model. */
    public static LintProject load(LintSettings settings) {
        return load(settings, ParseDepth.FULL);
    }

    /** As {@link #load(LintSettings)}, reading queries only as deep as asked. */
    public static LintProject load(LintSettings settings, ParseDepth depth) {
        SqlSourceReader reader = new SqlSourceReader(settings.baseDir(), settings.maxFileBytes());
        List<Path> emptyFolders = new ArrayList<>();
        List<Path> absoluteFiles = sqlFiles(settings.absoluteDir(), emptyFolders);
        // Each changeset's folder: Flyway names a changeset by its path below its own location.
        Map<Path, Path> folderOf = new LinkedHashMap<>();
        for (Path folder : settings.incrementalDirs()) {
            sqlFiles(folder, emptyFolders).forEach(file -> folderOf.putIfAbsent(file.toAbsolutePath().normalize(),
                    folder));
        }
        List<Path> incrementalFiles = List.copyOf(folderOf.keySet());
        List<Path> etlFiles = sqlFiles(settings.etlDir(), emptyFolders);

        List<LintedScript> absolute;
        List<LintedScript> incremental;
        List<LintedScript> etl;
        try (RedshiftParser parser = new RedshiftParser(settings.parseTimeoutMillis(), depth)) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
            try {
                List<Future<LintedScript>> a = submit(pool, reader, parser, absoluteFiles, Origin.ABSOLUTE);
                List<Future<LintedScript>> i = submit(pool, reader, parser, incrementalFiles, Origin.INCREMENTAL);
                List<Future<LintedScript>> e = submit(pool, reader, parser, etlFiles, Origin.ETL);
                absolute = join(a);
                incremental = join(i);
                etl = join(e);
            } finally {
                pool.shutdownNow();
            }
        }
        List<Changeset> changesets = incremental.stream().map(script -> Changeset.of(script, folderOf.getOrDefault(
                        script.file().path(), settings.incrementalDir())))
                .sorted((x, y) -> x.isWellNamed() != y.isWellNamed() ? (x.isWellNamed() ? -1 : 1)
                        : Changeset.compare(x, y))
                .toList();
        return new LintProject(absolute, changesets, etl, model(absolute), emptyFolders,
                settings.baseDir().toAbsolutePath().normalize());
    }

    /** Runs every enabled rule over a loaded project. */
    public static LintResult check(LintProject project, LintSettings settings) {
        return check(project, settings, System.nanoTime());
    }

    private static LintResult check(LintProject project, LintSettings settings, long start) {
        Map<Rule, Severity> enabled = levels(rules(), settings.ruleLevels());
        List<Finding> findings = new ArrayList<>();
        List<LintedScript> all = Stream.of(project.absolute(),
                project.changesets().stream().map(Changeset::script).toList(), project.etl())
                .flatMap(List::stream).toList();
        for (Map.Entry<Rule, Severity> entry : enabled.entrySet()) {
            Rule rule = entry.getKey();
            Reporter reporter = new Reporter(rule.info(), entry.getValue(), findings);
            rule.checkProject(project, reporter);
            for (LintedScript script : all) {
                for (ParsedStatement statement : script.statements()) {
                    rule.checkStatement(script.origin(), statement, reporter);
                }
            }
            for (Changeset changeset : project.changesets()) {
                rule.checkChangeset(changeset, reporter);
            }
        }
        Collections.sort(findings);
        int statements = all.stream().mapToInt(s -> s.statements().size()).sum();
        return new LintResult(List.copyOf(findings), all.size(), statements, (System.nanoTime() - start) / 1_000_000);
    }

    /** The severity of each enabled rule, after the user's levels; unknown rule names are a settings error. */
    private static Map<Rule, Severity> levels(List<Rule> rules, Map<String, Optional<Severity>> configured) {
        for (String name : configured.keySet()) {
            boolean known = rules.stream().anyMatch(r -> r.info().name().equals(name)
                    || r.info().id().equalsIgnoreCase(name));
            if (!known) {
                throw new ConfigurationException("redshift.rules: there is no rule '" + name + "'. Rules: "
                        + rules.stream().map(r -> r.info().name()).collect(Collectors.joining(", ")) + ".");
            }
        }
        Map<Rule, Severity> enabled = new java.util.LinkedHashMap<>();
        for (Rule rule : rules) {
            Optional<Severity> level = configured.getOrDefault(rule.info().name(),
                    configured.getOrDefault(rule.info().id().toUpperCase(Locale.ROOT),
                            configured.getOrDefault(rule.info().id().toLowerCase(Locale.ROOT),
                                    Optional.of(rule.info().severity()))));
            level.ifPresent(severity -> enabled.put(rule, severity));
        }
        return enabled;
    }

    /** The .sql files below a folder, sorted; a missing folder is fine, an empty one is remembered. */
    private static List<Path> sqlFiles(Path folder, List<Path> emptyFolders) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(p -> !p.equals(folder))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                emptyFolders.add(folder);
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException("Cannot list the SQL folder " + folder + ": "
                    + e.getClass().getSimpleName() + ". Check that it is readable.", e);
        }
    }

    private static List<Future<LintedScript>> submit(ExecutorService pool, SqlSourceReader reader,
                                                     RedshiftParser parser, List<Path> files, Origin origin) {
        List<Future<LintedScript>> futures = new ArrayList<>();
        for (Path file : files) {
            futures.add(pool.submit(() -> {
                try {
                    SqlScript script = reader.read(file);
                    return new LintedScript(origin, script, parser.parseScript(script.statements()));
                } catch (OutOfMemoryError e) {
                    // The file's text, tokens and statements are garbage once this returns: the heap recovers,
                    // and the build reports the file instead of failing without naming it.
                    return new LintedScript(origin, reader.tooLargeForHeap(file), List.of());
                }
            }));
        }
        return futures;
    }

    private static List<LintedScript> join(List<Future<LintedScript>> futures) {
        List<LintedScript> scripts = new ArrayList<>(futures.size());
        for (Future<LintedScript> future : futures) {
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
    private static SchemaModel model(List<LintedScript> absolute) {
        SchemaModel model = new SchemaModel();
        for (LintedScript script : absolute) {
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
