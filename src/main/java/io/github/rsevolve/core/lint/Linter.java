package io.github.rsevolve.core.lint;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.SchemaModel;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlScript;
import io.github.rsevolve.core.sql.SqlSourceReader;
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
import java.util.function.Consumer;
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

    /**
     * Reads, parses and checks the three folders. Each file's statements are checked by the statement rules in the
     * worker that parsed it, so the rules share the parse's threads; the project and changeset rules follow.
     */
    public static LintResult run(LintSettings settings) {
        long start = System.nanoTime();
        Map<Rule, Severity> enabled = levels(rules(), settings.ruleLevels());
        List<Finding> findings = new ArrayList<>();
        LintProject project = load(settings, settings.queryDepth(),
                script -> checkStatements(enabled, script, findings));
        return check(project, enabled, findings, start);
    }

    /** Reads and parses the three folders, files in parallel, and builds the absolute model. */
    public static LintProject load(LintSettings settings) {
        return load(settings, settings.queryDepth());
    }

    /** As {@link #load(LintSettings)}, reading queries only as deep as asked. */
    public static LintProject load(LintSettings settings, ParseDepth depth) {
        return load(settings, depth, script -> { });
    }

    /** Loads the project; each file, once parsed, is also handed to 'parsed' in the worker that parsed it. */
    private static LintProject load(LintSettings settings, ParseDepth depth, Consumer<LintedScript> parsed) {
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
                List<Future<LintedScript>> a = submit(pool, reader, parser, absoluteFiles, Origin.ABSOLUTE, parsed);
                List<Future<LintedScript>> i = submit(pool, reader, parser, incrementalFiles, Origin.INCREMENTAL,
                        parsed);
                List<Future<LintedScript>> e = submit(pool, reader, parser, etlFiles, Origin.ETL, parsed);
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
        long start = System.nanoTime();
        Map<Rule, Severity> enabled = levels(rules(), settings.ruleLevels());
        List<Finding> findings = new ArrayList<>();
        for (LintedScript script : scripts(project)) {
            checkStatements(enabled, script, findings);
        }
        return check(project, enabled, findings, start);
    }

    private static List<LintedScript> scripts(LintProject project) {
        return Stream.of(project.absolute(), project.changesets().stream().map(Changeset::script).toList(),
                project.etl()).flatMap(List::stream).toList();
    }

    /** The statement rules over one file's statements; thread-safe (the reporters share a synchronized sink). */
    private static void checkStatements(Map<Rule, Severity> enabled, LintedScript script, List<Finding> findings) {
        for (Map.Entry<Rule, Severity> entry : enabled.entrySet()) {
            Rule rule = entry.getKey();
            Reporter reporter = new Reporter(rule.info(), entry.getValue(), findings);
            for (ParsedStatement statement : script.statements()) {
                rule.checkStatement(script.origin(), statement, reporter);
            }
        }
    }

    /** The project and changeset rules, after the statement rules have reported into 'findings'. */
    private static LintResult check(LintProject project, Map<Rule, Severity> enabled, List<Finding> findings,
                                    long start) {
        for (Map.Entry<Rule, Severity> entry : enabled.entrySet()) {
            Rule rule = entry.getKey();
            Reporter reporter = new Reporter(rule.info(), entry.getValue(), findings);
            rule.checkProject(project, reporter);
            for (Changeset changeset : project.changesets()) {
                rule.checkChangeset(changeset, reporter);
            }
        }
        List<LintedScript> all = scripts(project);
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
                                                     RedshiftParser parser, List<Path> files, Origin origin,
                                                     Consumer<LintedScript> parsed) {
        List<Future<LintedScript>> futures = new ArrayList<>();
        for (Path file : files) {
            futures.add(pool.submit(() -> {
                try {
                    SqlScript script = reader.read(file);
                    LintedScript linted = new LintedScript(origin, script, parser.parseScript(script.statements()));
                    parsed.accept(linted);
                    return linted;
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
