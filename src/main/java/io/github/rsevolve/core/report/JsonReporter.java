package io.github.rsevolve.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.rsevolve.core.catalog.CatalogKey;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes findings as a JSON array of {rule, ruleId, severity, file, line, column, message}; with extra data (the
 * drift list of validate), an object {...extra's fields, findings: [...]}. Written with jackson-core's streaming
 * generator: the object mapper of jackson-databind (some 300 classes to load on a cold JVM, more than lint's own
 * work costs on most projects) is loaded only for the extra data, which is made of records and lists.
 */
public final class JsonReporter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReporter() {
    }

    /**
     * Loads the JSON writer on a daemon thread while a goal does its work, so that the reports written at the end do
     * not add its loading to the build. The caller joins the thread before its class loader goes away.
     */
    public static Thread prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                write(List.of(new Finding("RS000", "warm-up", Severity.INFO, "f", 1, 1, "m")),
                        OutputStream.nullOutputStream(), null);
            } catch (IOException | RuntimeException | LinkageError e) {
                // Only a head start: the real write loads what it needs itself and reports its own failure.
            }
        }, "redshift-report-preparation");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    public static void write(List<Finding> findings, Path target, Object extra) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            write(findings, out, extra);
        }
    }

    private static void write(List<Finding> findings, OutputStream out, Object extra) throws IOException {
        try (JsonGenerator json = generator(out)) {
            if (extra == null) {
                findings(json, findings);
                return;
            }
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> field : ExtraFields.MAPPER.<JsonNode>valueToTree(extra).properties()) {
                json.writeFieldName(field.getKey());
                ExtraFields.MAPPER.writeTree(json, field.getValue());
            }
            json.writeFieldName("findings");
            findings(json, findings);
            json.writeEndObject();
        }
    }

    /** An indented UTF-8 writer onto 'out', which it leaves open. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        return json;
    }

    private static void findings(JsonGenerator json, List<Finding> findings) throws IOException {
        json.writeStartArray();
        for (Finding finding : findings) {
            json.writeStartObject();
            json.writeStringField("rule", finding.rule());
            json.writeStringField("ruleId", finding.ruleId());
            json.writeStringField("severity", finding.severity().label());
            json.writeStringField("file", finding.file());
            json.writeNumberField("line", finding.line());
            json.writeNumberField("column", finding.column());
            json.writeStringField("message", finding.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The mapper for the extra data, loaded on first use. A drift's object is written as its text. */
    private static final class ExtraFields {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(CatalogKey.class, ToStringSerializer.instance));
    }
}
