package io.github.rsevolve.core.project;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SqlScript;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The absolute model's statements a regeneration of some objects has to parse, so that a model of ten thousand views
 * is not parsed to recreate the few hundred that read a changed table. Every statement that is not a CREATE is
 * parsed (grants, comments, owners, SET search_path: they are few, and a grant on a schema names no view). Of the
 * CREATE statements, those that can read the objects, directly or through views: a statement can read an object
 * only if one of its words is the object's name (qualified or not, quoted or not: Redshift folds both alike), so
 * the search follows words, from the objects' names to the statements that name them, to the names of the views
 * those create, and so on. Then the definitions of what these read, for the pictures of the neighbourhood. A name
 * in a string or a column makes it parse more, never fewer.
 */
final class ReachingStatements {

    /** One file's CREATE statements by each identifier they hold, in order; made where the file is read. */
    record FileWords(SqlScript script, Map<String, List<SqlStatement>> creates) {

        static FileWords of(SqlScript script) {
            Map<String, List<SqlStatement>> creates = new HashMap<>();
            for (SqlStatement statement : script.statements()) {
                if (!statement.startsWith("create")) {
                    continue;
                }
                for (Token token : statement.tokens()) {
                    if (token.isIdentifier()) {
                        List<SqlStatement> naming = creates.computeIfAbsent(token.name(), w -> new ArrayList<>(2));
                        if (naming.isEmpty() || naming.get(naming.size() - 1) != statement) {
                            naming.add(statement);
                        }
                    }
                }
            }
            return new FileWords(script, creates);
        }
    }

    /** Below this many statements, parsing them on one thread is quicker than handing half to another. */
    private static final int SHARED_FROM = 16;

    private final List<FileWords> files;
    private final Map<SqlStatement, ParsedStatement> parsed = new IdentityHashMap<>();
    private final RedshiftParser parser;
    private final ExecutorService pool;

    private ReachingStatements(List<FileWords> files, RedshiftParser parser, ExecutorService pool) {
        this.files = files;
        this.parser = parser;
        this.pool = pool;
    }

    /** The CREATE statements that hold the identifier, in file order. */
    private List<SqlStatement> naming(String word) {
        List<SqlStatement> naming = new ArrayList<>();
        files.forEach(file -> naming.addAll(file.creates().getOrDefault(word, List.of())));
        return naming;
    }

    /**
     * Each file parsed as far as a regeneration of the objects needs, with the definitions of 'alsoDefined'; or
     * every statement when some object has no CREATE at all, so that the error names the closest objects of the
     * whole model.
     */
    static List<Script> parse(List<FileWords> files, Collection<ObjectName> objects,
                              Collection<ObjectName> alsoDefined, RedshiftParser parser,
                              ExecutorService pool) {
        ReachingStatements reach = new ReachingStatements(files, parser, pool);
        boolean allDefined = objects.stream().allMatch(o -> !reach.definitionsOf(o.name()).isEmpty());
        if (allDefined) {
            reach.follow(objects);
            alsoDefined.forEach(o -> reach.parseAll(reach.definitionsOf(o.name())));
        }
        List<Script> result = new ArrayList<>(files.size());
        for (FileWords file : files) {
            SqlScript script = file.script();
            List<SqlStatement> kept = allDefined ? script.statements().stream()
                    .filter(s -> !s.startsWith("create") || reach.parsed.containsKey(s)).toList()
                    : script.statements();
            result.add(new Script(Origin.ABSOLUTE, script, parser.parseScript(kept, reach::parsedOnce)));
        }
        return result;
    }

    private void follow(Collection<ObjectName> objects) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        objects.forEach(o -> {
            if (seen.add(o.name())) {
                names.add(o.name());
            }
        });
        List<ParsedStatement> reading = new ArrayList<>();
        // Level by level, each level's statements parsed at once on the pool.
        while (!names.isEmpty()) {
            List<SqlStatement> level = new ArrayList<>();
            Set<SqlStatement> inLevel = Collections.newSetFromMap(new IdentityHashMap<>());
            names.forEach(name -> naming(name).stream().filter(s -> !parsed.containsKey(s) && inLevel.add(s))
                    .forEach(level::add));
            names.clear();
            for (ParsedStatement one : parseAll(level)) {
                reading.add(one);
                // Only views are dropped and created again; a table that reads the objects (CTAS, LIKE) is not,
                // so what reads it is not reached through it.
                if (one.definition() instanceof View && one.target() != null && seen.add(one.target().name())) {
                    names.add(one.target().name());
                }
            }
        }
        Set<String> read = new HashSet<>();
        List<SqlStatement> definitions = new ArrayList<>();
        Set<SqlStatement> inDefinitions = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParsedStatement statement : reading) {
            for (ObjectName name : statement.references()) {
                if (read.add(name.name())) {
                    definitionsOf(name.name()).stream().filter(s -> !parsed.containsKey(s) && inDefinitions.add(s))
                            .forEach(definitions::add);
                }
            }
        }
        parseAll(definitions);
    }

    /** Parses the statements, on the pool's threads when there are enough to share, and remembers them. */
    private List<ParsedStatement> parseAll(List<SqlStatement> list) {
        List<ParsedStatement> results = new ArrayList<>(list.size());
        if (list.size() < SHARED_FROM) {
            list.forEach(s -> results.add(parser.parse(s)));
        } else {
            int half = list.size() / 2;
            Future<List<ParsedStatement>> first = pool.submit(() -> list.subList(0, half).stream()
                    .map(parser::parse).toList());
            List<ParsedStatement> second = list.subList(half, list.size()).stream().map(parser::parse).toList();
            results.addAll(ProjectLoader.join(List.of(first)).get(0));
            results.addAll(second);
        }
        for (int i = 0; i < list.size(); i++) {
            parsed.put(list.get(i), results.get(i));
        }
        return results;
    }

    /** The CREATE statements that may define an object of this name: the name stands before their body. */
    private List<SqlStatement> definitionsOf(String name) {
        return naming(name).stream().filter(s -> namesBeforeBody(s, name)).toList();
    }

    private static boolean namesBeforeBody(SqlStatement statement, String name) {
        for (Token token : statement.tokens()) {
            if (token.isSymbol("(") || token.is("as")) {
                return false;
            }
            if (token.isIdentifier() && token.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private ParsedStatement parsedOnce(SqlStatement statement) {
        return parsed.computeIfAbsent(statement, parser::parse);
    }
}
