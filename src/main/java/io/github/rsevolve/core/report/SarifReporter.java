package io.github.rsevolve.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.rsevolve.core.finding.CheckInfo;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes findings as SARIF 2.1.0, so CI code scanning shows them inline. The driver lists every check a report can
 * name ({@link Checks}) by its stable id, and each result points at its check by that id and its index.
 */
public final class SarifReporter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReporter() {
    }

    /**
     * @param baseDir the project's folder: every result's location is relative to it (%SRCROOT%), also for a file of
     *                a folder configured outside it ("../shared/sql/a.sql"), as code scanning expects
     */
    public static void write(List<Finding> findings, String toolVersion, Path baseDir, Path target)
            throws IOException {
        Path base = baseDir.toAbsolutePath().normalize();
        List<CheckInfo> checks = Checks.all();
        Map<String, Integer> index = new HashMap<>();
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target); JsonGenerator json = JsonReporter.generator(out)) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "redshift-maven-plugin");
            json.writeStringField("version", toolVersion);
            json.writeStringField("informationUri", "https://github.com/rsevolve/redshift-maven-plugin");
            json.writeArrayFieldStart("rules");
            for (CheckInfo info : checks) {
                index.put(info.id(), index.size());
                json.writeStartObject();
                json.writeStringField("id", info.id());
                json.writeStringField("name", info.name());
                text(json, "shortDescription", info.summary());
                text(json, "fullDescription", info.why());
                text(json, "help", info.fix());
                json.writeObjectFieldStart("defaultConfiguration");
                json.writeStringField("level", level(info.severity()));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("originalUriBaseIds");
            json.writeObjectFieldStart("%SRCROOT%");
            json.writeStringField("uri", base.toUri().toString());
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (Finding finding : findings) {
                result(json, finding, index.get(finding.ruleId()), relativeUri(base, finding.file()));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void result(JsonGenerator json, Finding finding, Integer ruleIndex, String uri)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        if (ruleIndex != null) {
            json.writeNumberField("ruleIndex", ruleIndex);
        }
        json.writeStringField("level", level(finding.severity()));
        text(json, "message", finding.message());
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri);
        json.writeStringField("uriBaseId", "%SRCROOT%");
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", finding.line());
        json.writeNumberField("startColumn", finding.column());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A SARIF message object: {"text": ...}. */
    private static void text(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    /** The file as a URI reference relative to the base: percent-encoded, '/'-separated, ".." where it is outside. */
    private static String relativeUri(Path base, String file) {
        Path path = Path.of(file);
        String relative = (path.isAbsolute() ? base.relativize(path.normalize()) : path).toString().replace('\\', '/');
        try {
            return new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            return relative;
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
