package io.github.rsevolve.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.graph.DependencyGraph;
import io.github.rsevolve.core.graph.RelationGraph;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pictures stay valid DOT and Mermaid whatever the names hold. */
class GraphPicturesTest {

    private static DependencyGraph<ParsedStatement> graph(String sql) {
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS)) {
            List<ParsedStatement> parsed = parser.parseScript(SqlSplitter.split(SourceFile.of(Path.of("m.sql"), "m.sql",
                    sql)).statements());
            return RelationGraph.of(parsed);
        }
    }

    /** Double quotes that are not escaped by a backslash. */
    private static long bareQuotes(String line) {
        long quotes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes;
    }

    @Test
    void namesWithQuotesAndBackslashesStayOneNode() {
        DependencyGraph<ParsedStatement> graph = graph("CREATE TABLE dw.\"say \"\"hi\"\" \\\" (id INT);\n"
                + "CREATE VIEW dw.v AS SELECT id FROM dw.\"say \"\"hi\"\" \\\";");
        ObjectName view = ObjectName.parse("dw.v");
        String dot = GraphPictures.dot(graph, Set.of(view, ObjectName.parse("dw.gone")), Set.of());
        assertEquals(2, dot.lines().filter(l -> l.contains("say")).count(), dot);
        assertTrue(dot.lines().allMatch(l -> bareQuotes(l) % 2 == 0), dot);
        String mermaid = GraphPictures.mermaid(graph, Set.of(view, ObjectName.parse("dw.gone")), Set.of());
        assertTrue(mermaid.contains("#quot;hi#quot;"), mermaid);
        assertFalse(mermaid.contains("null"), "a changed object the graph lacks draws nothing: " + mermaid);
    }
}
