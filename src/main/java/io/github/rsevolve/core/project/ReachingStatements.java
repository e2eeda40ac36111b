package io.github.rsevolve.core.project;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlProblem;
import io.github.rsevolve.core.sql.SqlScan;
import io.github.rsevolve.core.sql.SqlScript;
import io.github.rsevolve.core.sql.SqlSourceReader;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * One file as far as it was read: its statements found, those that are not CREATE lexed, and the CREATE
     * statements by the hash of each identifier they hold, lexed when one is asked for. Hashes, not names: a cold
     * JVM builds this for every word of the model, and two words of one hash only make a statement parse that did
     * not need to.
     */
    static final class FileWords {

        private final SourceFile file;
        private final List<SqlScan.Range> ranges;
        /** By range index: the statements lexed and parsed so far. */
        private final SqlStatement[] lexed;
        private final ParsedStatement[] parsed;
        private final List<SqlProblem> problems;
        /** Every identifier of the CREATE statements, and those before their body, where the created name is. */
        private final Hashes creates;
        private final Hashes heads;

        private FileWords(SourceFile file, List<SqlScan.Range> ranges, List<SqlProblem> problems, Hashes creates,
                          Hashes heads) {
            this.file = file;
            this.ranges = ranges;
            this.lexed = new SqlStatement[ranges.size()];
            this.parsed = new ParsedStatement[ranges.size()];
            this.problems = problems;
            this.creates = creates;
            this.heads = heads;
        }

        /** Reads, decodes and scans the file, and lexes its statements that are not CREATE. */
        static FileWords read(SqlSourceReader reader, Path path) {
            Hashes creates = new Hashes();
            Hashes heads = new Hashes();
            List<List<SqlScan.Range>> scanned = new ArrayList<>();
            SqlScript read = reader.read(path, text -> {
                SqlScan.Result scan = SqlScan.scan(text, (range, hash, head) -> {
                    creates.add(range, hash);
                    if (head) {
                        heads.add(range, hash);
                    }
                });
                scanned.add(scan.ranges());
                return new SqlScript(text, List.of(), scan.problems());
            });
            FileWords words = new FileWords(read.file(), scanned.isEmpty() ? List.of() : scanned.get(0),
                    read.problems(), creates, heads);
            for (SqlScan.Range range : words.ranges) {
                if (!range.create()) {
                    words.statement(range.index());
                }
            }
            return words;
        }

        /** The statement of the range, lexed on first use. */
        private SqlStatement statement(int range) {
            if (lexed[range] == null) {
                lexed[range] = SqlSplitter.statement(file, ranges.get(range));
            }
            return lexed[range];
        }

        /** The range's statement parsed, once. */
        private ParsedStatement parse(int range, RedshiftParser parser) {
            if (parsed[range] == null) {
                parsed[range] = parser.parse(statement(range));
            }
            return parsed[range];
        }

        /** The statements to parse: every one, or those that are not CREATE and the CREATEs parsed already. */
        private SqlScript script(boolean every) {
            List<SqlStatement> statements = new ArrayList<>();
            for (SqlScan.Range range : ranges) {
                if (every || !range.create() || parsed[range.index()] != null) {
                    statements.add(statement(range.index()));
                }
            }
            return new SqlScript(file, List.copyOf(statements), problems);
        }
    }

    /** Range indexes by identifier hash, in order, each once (open addressing). */
    private static final class Hashes {

        /** The hash in keys[slot]; at creates[slot] a count and then the range indexes. */
        private int[] keys = new int[1024];
        private int[][] creates = new int[1024][];
        private int used;

        /** The count and range indexes of the hash, or null. */
        int[] get(int hash) {
            return creates[slot(hash)];
        }

        void add(int range, int hash) {
            if (2 * used >= keys.length) {
                grow();
            }
            int slot = slot(hash);
            int[] indexes = creates[slot];
            if (indexes == null) {
                keys[slot] = hash;
                creates[slot] = new int[] {1, range, 0, 0};
                used++;
            } else if (indexes[indexes[0]] != range) {
                if (indexes[0] + 1 == indexes.length) {
                    indexes = Arrays.copyOf(indexes, indexes.length * 2);
                    creates[slot] = indexes;
                }
                indexes[++indexes[0]] = range;
            }
        }

        /** The slot that holds the hash, or the empty slot where it goes. */
        private int slot(int hash) {
            int mask = keys.length - 1;
            int slot = (hash * 0x9E3779B9) >>> 7 & mask;
            while (creates[slot] != null && keys[slot] != hash) {
                slot = slot + 1 & mask;
            }
            return slot;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[][] oldCreates = creates;
            keys = new int[oldKeys.length * 2];
            creates = new int[oldKeys.length * 2][];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldCreates[i] != null) {
                    int slot = slot(oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    creates[slot] = oldCreates[i];
                }
            }
        }
    }

    /** Below this many statements, parsing them on one thread is quicker than handing half to another. */
    private static final int SHARED_FROM = 16;

    private final List<FileWords> files;
    private final RedshiftParser parser;
    private final ExecutorService pool;

    /** A CREATE statement of a file, by its index there. */
    private record Create(FileWords file, int range) {

        ParsedStatement parsed() {
            return file.parsed[range];
        }

        SqlStatement statement() {
            return file.statement(range);
        }
    }

    private ReachingStatements(List<FileWords> files, RedshiftParser parser, ExecutorService pool) {
        this.files = files;
        this.parser = parser;
        this.pool = pool;
    }

    /** The CREATE statements that may hold the identifier, in file order: anywhere, or before their body. */
    private List<Create> creates(String word, boolean head) {
        List<Create> creates = new ArrayList<>();
        for (FileWords file : files) {
            int[] indexes = (head ? file.heads : file.creates).get(word.hashCode());
            for (int i = 1; indexes != null && i <= indexes[0]; i++) {
                creates.add(new Create(file, indexes[i]));
            }
        }
        return creates;
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
            SqlScript script = file.script(!allDefined);
            result.add(new Script(Origin.ABSOLUTE, script, parser.parseScript(script.statements(),
                    statement -> file.parse(statement.index(), parser))));
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
        // Level by level, each level's statements lexed and parsed at once on the pool.
        while (!names.isEmpty()) {
            Set<Create> level = new LinkedHashSet<>();
            names.forEach(name -> creates(name, false).stream().filter(c -> c.parsed() == null)
                    .forEach(level::add));
            names.clear();
            for (ParsedStatement one : parseAll(List.copyOf(level))) {
                reading.add(one);
                // Only views are dropped and created again; a table that reads the objects (CTAS, LIKE) is not,
                // so what reads it is not reached through it.
                if (one.definition() instanceof View && one.target() != null && seen.add(one.target().name())) {
                    names.add(one.target().name());
                }
            }
        }
        Set<String> read = new HashSet<>();
        Set<Create> definitions = new LinkedHashSet<>();
        for (ParsedStatement statement : reading) {
            for (ObjectName name : statement.references()) {
                if (read.add(name.name())) {
                    definitionsOf(name.name()).stream().filter(c -> c.parsed() == null).forEach(definitions::add);
                }
            }
        }
        parseAll(List.copyOf(definitions));
    }

    /** Parses the statements, on the pool's threads when there are enough to share, and remembers them. */
    private List<ParsedStatement> parseAll(List<Create> creates) {
        if (creates.size() < SHARED_FROM) {
            return creates.stream().map(c -> c.file().parse(c.range(), parser)).toList();
        }
        int half = creates.size() / 2;
        Future<List<ParsedStatement>> first = pool.submit(() -> creates.subList(0, half).stream()
                .map(c -> c.file().parse(c.range(), parser)).toList());
        List<ParsedStatement> second = creates.subList(half, creates.size()).stream()
                .map(c -> c.file().parse(c.range(), parser)).toList();
        List<ParsedStatement> results = new ArrayList<>(ProjectLoader.join(List.of(first)).get(0));
        results.addAll(second);
        return results;
    }

    /** The CREATE statements that may define an object of this name: the name stands before their body. */
    private List<Create> definitionsOf(String name) {
        return creates(name, true).stream().filter(c -> namesBeforeBody(c.statement(), name)).toList();
    }

    private static boolean namesBeforeBody(SqlStatement statement, String name) {
        for (Token token : statement.tokens()) {
            if (SqlScan.endsHead(token)) {
                return false;
            }
            if (token.isIdentifier() && token.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
