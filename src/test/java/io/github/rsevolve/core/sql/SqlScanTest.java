package io.github.rsevolve.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A scan finds the statements SqlSplitter.split makes (indexes, tokens, comments, problems), and the hash of every
 * identifier of a CREATE as its token's name hashes, those before the body (the first "(" or AS) marked.
 */
class SqlScanTest {

    private static void assertScansAsSplit(SourceFile file) {
        Map<Integer, Set<Integer>> hashes = new HashMap<>();
        Map<Integer, Set<Integer>> heads = new HashMap<>();
        SqlScan.Result scan = SqlScan.scan(file, (range, hash, head) -> {
            hashes.computeIfAbsent(range, r -> new HashSet<>()).add(hash);
            if (head) {
                heads.computeIfAbsent(range, r -> new HashSet<>()).add(hash);
            }
        });
        SqlScript split = SqlSplitter.split(file);
        List<SqlStatement> scanned = new ArrayList<>();
        for (SqlScan.Range range : scan.ranges()) {
            scanned.add(SqlSplitter.statement(file, range));
        }
        assertEquals(split.statements(), scanned, file.displayPath());
        assertEquals(split.problems(), scan.problems(), file.displayPath());
        for (SqlScan.Range range : scan.ranges()) {
            SqlStatement statement = split.statements().get(range.index());
            assertEquals(statement.startsWith("create"), range.create(), statement.toString());
            Set<Integer> expected = new HashSet<>();
            Set<Integer> expectedHeads = new HashSet<>();
            boolean head = true;
            for (Token token : range.create() ? statement.tokens() : List.<Token>of()) {
                head &= !token.isSymbol("(") && !token.is("as");
                if (token.isIdentifier()) {
                    expected.add(token.name().hashCode());
                    if (head) {
                        expectedHeads.add(token.name().hashCode());
                    }
                }
            }
            assertEquals(expected, hashes.getOrDefault(range.index(), Set.of()), statement.toString());
            assertEquals(expectedHeads, heads.getOrDefault(range.index(), Set.of()), statement.toString());
        }
    }

    private static SourceFile text(String sql) {
        return SourceFile.of(Path.of("t.sql"), "t.sql", sql);
    }

    @Test
    void findsWhatTheSplitterFindsInEveryQuotingAndComment() {
        for (String sql : List.of("", ";;", "-- only a comment", "SELECT 1", "SELECT 1;", "  SELECT 1 ; ; -- c\n;"
                        + " SELECT 2; -- trailing", "CREATE TABLE \"My \"\"T\"\"\".\"X\" (ID INT); /* a; /* b; */ */"
                        + " create view V as select E'it\\'s;' , N'x;y', $$;$$, $t$ ; $t$ from \"My \"\"T\"\"\".x;",
                "CREATE VIEW caf\u00e9.\u00dcber AS SELECT \u0130d FROM \u65e5\u672c; CREATE TABLE t (x INT)",
                "CREATE TABLE t (a VARCHAR(3) DEFAULT 'unterminated;", "SELECT 1; /* open; comment",
                "CREATE FUNCTION f(int) RETURNS int AS $$ SELECT $1; $$ LANGUAGE sql; GRANT SELECT ON t TO u;",
                "CREATE TABLE x.y AS SELECT 1.5e3, 'a''b', \"q\"\"\" FROM z;\r\nCOMMENT ON TABLE x.y IS ';';")) {
            assertScansAsSplit(text(sql));
        }
    }

    @Test
    void findsWhatTheSplitterFindsInBothCorpora() throws IOException {
        List<Path> files = new ArrayList<>(Corpus.files());
        Path realWorld = Path.of(System.getProperty("redshift.realWorldCorpus", "../realworld-corpus"));
        if (Files.isDirectory(realWorld)) {
            try (Stream<Path> walk = Files.walk(realWorld)) {
                walk.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 100, "files: " + files.size());
        for (Path file : files) {
            String sql = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertScansAsSplit(SourceFile.of(file, file.toString(), sql));
        }
    }
}
