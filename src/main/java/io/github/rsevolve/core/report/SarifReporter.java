package io.github.rsevolve.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rsevolve.core.finding.CheckInfo;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import java.io.IOException;
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
        ObjectNode root = JsonReporter.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "redshift-maven-plugin");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/rsevolve/redshift-maven-plugin");
        ArrayNode ruleNodes = driver.putArray("rules");
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", base.toUri().toString());
        List<CheckInfo> checks = Checks.all();
        Map<String, Integer> index = new HashMap<>();
        for (CheckInfo info : checks) {
            index.put(info.id(), ruleNodes.size());
            ObjectNode node = ruleNodes.addObject();
            node.put("id", info.id());
            node.put("name", info.name());
            node.putObject("shortDescription").put("text", info.summary());
            node.putObject("fullDescription").put("text", info.why());
            node.putObject("help").put("text", info.fix());
            node.putObject("defaultConfiguration").put("level", level(info.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : findings) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.ruleId());
            Integer ruleIndex = index.get(finding.ruleId());
            if (ruleIndex != null) {
                result.put("ruleIndex", ruleIndex);
            }
            result.put("level", level(finding.severity()));
            result.putObject("message").put("text", finding.message());
            ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", relativeUri(base, finding.file()))
                    .put("uriBaseId", "%SRCROOT%");
            location.putObject("region").put("startLine", finding.line()).put("startColumn", finding.column());
        }
        Files.createDirectories(target.getParent());
        JsonReporter.MAPPER.writeValue(target.toFile(), root);
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
