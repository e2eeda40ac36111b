package io.github.rsevolve.core.report;

import io.github.rsevolve.core.finding.DatabaseCheck;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.validate.ValidateResult;
import io.github.rsevolve.core.validate.Validator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes checks as a JUnit XML test suite, so CI dashboards show each check as a test. */
public final class JUnitReporter {

    /**
     * One check: its name, how long it took, and the error findings that fail it.
     *
     * @param skipped why the check did not run, or null when it ran
     */
    public record Check(String name, long millis, List<Finding> failures, String skipped) {

        public Check(String name, long millis, List<Finding> failures) {
            this(name, millis, failures, null);
        }
    }

    private JUnitReporter() {
    }

    public static void write(String suite, List<Check> checks, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suite);
            xml.writeAttribute("tests", String.valueOf(checks.size()));
            xml.writeAttribute("failures", String.valueOf(checks.stream().filter(c -> !c.failures().isEmpty()).count()));
            xml.writeAttribute("skipped", String.valueOf(checks.stream().filter(c -> c.skipped() != null).count()));
            xml.writeAttribute("time", seconds(checks.stream().mapToLong(Check::millis).sum()));
            for (Check check : checks) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", suite);
                xml.writeAttribute("name", check.name());
                xml.writeAttribute("time", seconds(check.millis()));
                if (check.skipped() != null) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", check.skipped());
                } else if (!check.failures().isEmpty()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", check.failures().size() + " error(s)");
                    xml.writeCharacters(String.join("\n", check.failures().stream().map(Finding::toString).toList()));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /**
     * The checks of a validate run: lint, the two builds, drift, and one per ETL file, each failed by its error
     * findings and timed; drift and the ETL files are skipped, saying why, when a build failed.
     */
    public static List<Check> checks(ValidateResult result) {
        Map<String, Long> phases = result.phases();
        Map<String, Long> timed = result.checkMillis();
        List<Finding> errors = result.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("lint", phases.getOrDefault("lint", 0L), errors.stream()
                .filter(f -> !f.ruleId().startsWith("RSV")).toList()));
        List<Finding> modelErrors = errors.stream().filter(f -> isBuildError(f) && f.file().contains("/absolute/"))
                .toList();
        List<Finding> changesetErrors = errors.stream()
                .filter(f -> isBuildError(f) && !f.file().contains("/absolute/")).toList();
        checks.add(new Check("build from the absolute model", timed.getOrDefault(Validator.BUILD_A, 0L),
                modelErrors));
        checks.add(new Check("build from the changesets", timed.getOrDefault(Validator.BUILD_B, 0L),
                changesetErrors));
        String notBuilt = modelErrors.isEmpty() && changesetErrors.isEmpty() ? null : "a build failed";
        checks.add(new Check("no drift between the model and the changesets", phases.getOrDefault("drift", 0L),
                errors.stream().filter(f -> f.rule().equals(DatabaseCheck.DRIFT.checkName())).toList(),
                notBuilt == null ? null : "not compared: " + notBuilt));
        for (String file : result.etlFiles()) {
            checks.add(new Check("ETL " + file, timed.getOrDefault(file, 0L), errors.stream()
                    .filter(f -> f.file().equals(file) && f.rule().equals(DatabaseCheck.ETL_ERROR.checkName()))
                    .toList(), notBuilt == null ? null : "not checked: " + notBuilt));
        }
        return checks;
    }

    private static boolean isBuildError(Finding finding) {
        return finding.rule().equals(DatabaseCheck.BUILD_ERROR.checkName())
                || finding.rule().equals(DatabaseCheck.DEPENDENCY_CYCLE.checkName());
    }
}
