package io.github.rsevolve.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static SqlScript split(String text) {
        return SqlSplitter.split(SourceFile.of(Path.of("t.sql"), "t.sql", text));
    }

    private static List<String> texts(SqlScript script) {
        return script.statements().stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        SqlScript script = split("SELECT 'a;b', \"c;d\" FROM t; -- x; y\nSELECT 2 /* ; */;");
        assertEquals(List.of("SELECT 'a;b', \"c;d\" FROM t", "SELECT 2"), texts(script));
        assertTrue(script.problems().isEmpty());
    }

    @Test
    void wordsFoldToLowerCaseAsRedshiftStoresThem() {
        // ASCII words are folded by the lexer, others by the token; quoted names lose their quotes and fold too.
        List<String> names = split("SELECT Order_ID, total$2, #Tmp_Stage, Größe, ÉTÉ, \"Mixed Case\" FROM dw.Sales")
                .statements().get(0).tokens().stream().filter(Token::isIdentifier).map(Token::identifier).toList();
        assertEquals(List.of("select", "order_id", "total$2", "#tmp_stage", "größe", "été", "mixed case", "from", "dw",
                "sales"), names);
    }

    @Test
    void aWordSpelledAgainIsTheSameStringsAndKeepsItsOwnOffset() {
        // Enough distinct words to grow the lexer's table past its first size.
        StringBuilder sql = new StringBuilder("SELECT Total, total, TOTAL");
        for (int i = 0; i < 500; i++) {
            sql.append(", c").append(i);
        }
        sql.append(", Total FROM t;\nSELECT Total FROM t");
        List<SqlStatement> statements = split(sql.toString()).statements();
        List<Token> first = statements.get(0).tokens();
        Token total = first.get(1);
        Token again = first.get(first.size() - 3);
        Token nextStatement = statements.get(1).tokens().get(1);
        assertEquals(List.of("Total", "Total", "Total"), List.of(total.text(), again.text(), nextStatement.text()));
        assertTrue(total.text() == again.text() && total.name() == nextStatement.name(), "one string per spelling");
        assertEquals(List.of(7, first.get(3).offset() + 7), List.of(total.offset(), first.get(5).offset()));
        assertEquals(List.of("total", "total", "total"), List.of(total.name(), first.get(3).name(),
                first.get(5).name()));
        assertEquals(List.of("Total", "total", "TOTAL"), List.of(total.text(), first.get(3).text(),
                first.get(5).text()));
        assertEquals("c499", first.get(first.size() - 5).name());
        // The statement's word index, let go after lint's statement rules, is built again when asked for.
        Words words = statements.get(0).words();
        int[] positions = words.of("total").clone();
        words.forget();
        assertEquals(List.of(1, 3, 5, first.size() - 3), Arrays.stream(words.of("total")).boxed().toList());
        assertEquals(Arrays.toString(positions), Arrays.toString(words.of("total")));
    }

    @Test
    void keepsExactLineAndColumnOfEveryStatement() {
        SqlScript script = split("\n\n  CREATE TABLE a (id INT);\r\n\tSELECT 1;\rSELECT 2");
        assertEquals(new SourcePosition(3, 3), script.statements().get(0).position());
        assertEquals(new SourcePosition(4, 2), script.statements().get(1).position());
        assertEquals(new SourcePosition(5, 1), script.statements().get(2).position());
    }

    @Test
    void dollarQuotedBodiesKeepTheirSemicolons() {
        String procedure = "CREATE PROCEDURE p() AS $body$\nBEGIN\n  INSERT INTO t VALUES (1);\nEND;\n$body$ "
                + "LANGUAGE plpgsql";
        SqlScript script = split(procedure + ";\nCALL p();");
        assertEquals(List.of(procedure, "CALL p()"), texts(script));
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        SqlScript script = split("CREATE FUNCTION f(int) RETURNS int STABLE AS $$ SELECT $1 + 1 $$ LANGUAGE sql;"
                + " SELECT 1;");
        assertEquals(2, script.statements().size());
    }

    @Test
    void nestedBlockCommentsAndBackslashEscapes() {
        SqlScript script = split("/* a /* b; */ c; */ SELECT 'it\\'s; fine', 'x''y;z';SELECT 2;");
        assertEquals(List.of("SELECT 'it\\'s; fine', 'x''y;z'", "SELECT 2"), texts(script));
    }

    @Test
    void lettersBeyondAsciiAndNoBreakSpacesLexAsWordsAndSpace() {
        SqlScript script = split("SELECT caf\u00e9_\u00fcber$1,\u00a0\u0394x FROM \u65e5\u672c;");
        List<Token> tokens = script.statements().get(0).tokens();
        assertEquals(List.of("SELECT", "caf\u00e9_\u00fcber$1", ",", "\u0394x", "FROM", "\u65e5\u672c"),
                tokens.stream().map(Token::text).toList());
        assertEquals(List.of(TokenType.WORD, TokenType.WORD, TokenType.SYMBOL, TokenType.WORD, TokenType.WORD,
                TokenType.WORD), tokens.stream().map(Token::type).toList());
    }

    @Test
    void blankLinesNeverEndAStatement() {
        String view = "CREATE VIEW v AS\n\n\n\nSELECT id\n\n\n\nFROM t";
        assertEquals(List.of(view), texts(split(view + ";")));
    }

    @Test
    void unterminatedConstructsAreReportedWhereTheyStart() {
        for (String text : List.of("SELECT 1;\nSELECT 'abc;\nSELECT 2;", "SELECT 1;\nSELECT \"abc;",
                "SELECT 1;\nSELECT $$ abc;", "SELECT 1;\nSELECT /* abc;")) {
            SqlScript script = split(text);
            assertEquals(1, script.problems().size(), text);
            SqlProblem problem = script.problems().get(0);
            assertEquals(SqlProblem.Kind.UNTERMINATED, problem.kind());
            assertEquals(2, problem.position().line(), text);
            assertEquals(8, problem.position().column(), text);
            assertEquals(2, script.statements().size(), "the rest of the file stays one statement: " + text);
        }
    }

    @Test
    void textAfterTheLastSemicolonIsAStatementToo() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts(split("SELECT 1;\nSELECT 2\n-- trailing")));
    }

    @Test
    void commentsBeforeAStatementBelongToIt() {
        SqlScript script = split("SELECT 1;\n-- redshift:lint ignore x reason\nSELECT 2;");
        assertEquals(1, script.statements().get(1).comments().size());
        assertTrue(script.statements().get(0).comments().isEmpty());
    }
}
