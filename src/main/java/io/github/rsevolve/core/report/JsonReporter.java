package io.github.rsevolve.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.rsevolve.core.catalog.CatalogKey;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes findings as a JSON array of {rule, ruleId, severity, file, line, column, message}; with extra data (the
 * drift list of validate), an object {findings: [...], ...extra's fields}.
 */
public final class JsonReporter {

    /** A drift's object is written as its text, "column dw.orders.total". */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(CatalogKey.class, ToStringSerializer.instance));

    private JsonReporter() {
    }

    /**
     * Loads and sets up the JSON writer on a daemon thread while a goal does its work: on a cold JVM that costs tens of
     * milliseconds, which the reports written at the end would otherwise add to the build. The caller joins the
     * thread before its class loader goes away.
     */
    public static Thread prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                MAPPER.writeValueAsBytes(findings(List.of(new Finding("RS000", "warm-up", Severity.INFO, "f", 1, 1,
                        "m"))));
            } catch (IOException | RuntimeException | LinkageError e) {
                // Only a head start: the real write loads what it needs itself and reports its own failure.
            }
        }, "redshift-report-preparation");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    public static void write(List<Finding> findings, Path target, Object extra) throws IOException {
        ArrayNode array = findings(findings);
        Files.createDirectories(target.getParent());
        if (extra == null) {
            MAPPER.writeValue(target.toFile(), array);
        } else {
            ObjectNode root = MAPPER.valueToTree(extra);
            root.set("findings", array);
            MAPPER.writeValue(target.toFile(), root);
        }
    }

    private static ArrayNode findings(List<Finding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Finding finding : findings) {
            ObjectNode node = array.addObject();
            node.put("rule", finding.rule());
            node.put("ruleId", finding.ruleId());
            node.put("severity", finding.severity().label());
            node.put("file", finding.file());
            node.put("line", finding.line());
            node.put("column", finding.column());
            node.put("message", finding.message());
        }
        return array;
    }
}
