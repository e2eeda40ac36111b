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
        Set<ObjectName> changed = Set.of(view, ObjectName.parse("dw.gone"));
        String dot = GraphPictures.dot(graph, graph.names(), changed, Set.of(),
                GraphPictures.Scope.ALL);
        assertEquals(2, dot.lines().filter(l -> l.contains("say")).count(), dot);
        assertTrue(dot.lines().allMatch(l -> bareQuotes(l) % 2 == 0), dot);
        String mermaid = GraphPictures.mermaid(graph, graph.names(), changed, Set.of(),
                GraphPictures.Scope.ALL);
        assertTrue(mermaid.contains("#quot;hi#quot;"), mermaid);
        assertFalse(mermaid.contains("null"), "a changed object the graph lacks draws nothing: " + mermaid);
    }

    @Test
    void byDefaultOnlyTheChangedObjectsNeighbourhoodIsDrawnWithALegend() {
        DependencyGraph<ParsedStatement> graph = graph("CREATE TABLE dw.base (id INT);\n"
                + "CREATE VIEW dw.v1 AS SELECT id FROM dw.base;\nCREATE VIEW dw.v2 AS SELECT id FROM dw.v1;\n"
                + "CREATE VIEW dw.v3 AS SELECT id FROM dw.v2;\nCREATE VIEW dw.v4 AS SELECT id FROM dw.v3;\n"
                + "CREATE TABLE dw.unrelated (id INT);");
        Set<ObjectName> changed = Set.of(ObjectName.parse("dw.v2"));
        Set<ObjectName> recreated = Set.of(ObjectName.parse("dw.v3"), ObjectName.parse("dw.v4"));
        Set<ObjectName> drawn = GraphPictures.drawn(graph, changed, recreated, GraphPictures.Scope.NEIGHBOURHOOD);
        assertEquals(List.of("dw.v1", "dw.v2", "dw.v3", "dw.v4"), drawn.stream().map(ObjectName::toString).toList());
        String dot = GraphPictures.dot(graph, drawn, changed, recreated,
                GraphPictures.Scope.NEIGHBOURHOOD);
        assertTrue(dot.contains("// Only the changed objects' neighbourhood is drawn; -Dredshift.pictures=all draws "
                + "every object."), dot);
        assertFalse(dot.contains("dw.base") || dot.contains("dw.unrelated"), dot);
        assertTrue(dot.contains("\"dw.v1\" -> \"dw.v2\";") && dot.contains("legend_recreated [label=\"dropped and "
                + "created again\""), dot);
        String mermaid = GraphPictures.mermaid(graph, drawn, changed, recreated,
                GraphPictures.Scope.NEIGHBOURHOOD);
        assertTrue(mermaid.contains("%% Only the changed objects' neighbourhood") && mermaid.contains("legend_changed[\"changed\"]:::changed")
                && mermaid.contains("class n1 changed"), mermaid);
        assertEquals(6, GraphPictures.drawn(graph, changed, recreated, GraphPictures.Scope.ALL).size());
    }
}
