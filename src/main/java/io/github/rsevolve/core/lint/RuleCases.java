package io.github.rsevolve.core.lint;

import io.github.rsevolve.core.lint.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's examples and test cases, read from {@code <name>.cases} beside the rule class. The format:
 * <pre>
 * === bad                              a case; "bad" and "good" are the documented examples
 * --- incremental/V1__create.sql       a file of the case, relative to src/main/redshift
 * CREATE TABLE t (id SERIAL); -- expect @20 "is SERIAL"   a finding of the rule on this line, at column 20,
 *                                                         its message containing the text (the tests require both)
 * --- absolute/old.sql (latin-1)       the file is written in ISO-8859-1 instead of UTF-8
 * !!! expect absolute/x.sql:1          a finding expected where no marker fits (a directory, say)
 * </pre>
 */
public final class RuleCases {

    /** A file of a case; latin1 files are written in ISO-8859-1. */
    public record CaseFile(String path, String content, boolean latin1) {

        /** The content without expectation markers, as the documentation shows it. */
        public String sql() {
            return content.replaceAll("[ \\t]*-- expect[^\\n]*", "").strip();
        }
    }

    /**
     * A case.
     *
     * @param expectations findings expected beyond the markers, as path:line
     */
    public record Case(String name, List<CaseFile> files, List<String> expectations) {
    }

    private static final String EXPECT = "-- expect";

    private RuleCases() {
    }

    /** The cases of a rule, or an empty list when it has no sidecar. */
    public static List<Case> of(Rule rule) {
        String resource = rule.info().name() + ".cases";
        try (InputStream in = rule.getClass().getResourceAsStream(resource)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> parse(String text) {
        List<Case> cases = new ArrayList<>();
        String caseName = null;
        List<CaseFile> files = new ArrayList<>();
        List<String> expectations = new ArrayList<>();
        String path = null;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("!!! expect ")) {
                expectations.add(line.substring("!!! expect ".length()).trim());
            } else if (line.startsWith("=== ") || line.startsWith("--- ")) {
                if (path != null) {
                    files.add(file(path, content));
                    path = null;
                }
                if (line.startsWith("=== ")) {
                    if (caseName != null) {
                        cases.add(new Case(caseName, List.copyOf(files), List.copyOf(expectations)));
                    }
                    caseName = line.substring(4).trim();
                    files = new ArrayList<>();
                    expectations = new ArrayList<>();
                } else {
                    path = line.substring(4).trim();
                    content = new StringBuilder();
                }
            } else if (path != null) {
                content.append(line).append('\n');
            }
        }
        if (path != null) {
            files.add(file(path, content));
        }
        if (caseName != null) {
            cases.add(new Case(caseName, List.copyOf(files), List.copyOf(expectations)));
        }
        return cases;
    }

    private static CaseFile file(String header, StringBuilder content) {
        boolean latin1 = header.endsWith(LATIN1);
        String path = latin1 ? header.substring(0, header.length() - LATIN1.length()).trim() : header;
        return new CaseFile(path, content.toString(), latin1);
    }

    private static final String LATIN1 = "(latin-1)";

    /**
     * A finding a marker expects: on its line, and where the marker says so at a column and with a message that
     * contains a text, as in {@code -- expect @12 "holds a backslash"}. Several markers on one line expect several
     * findings.
     */
    public record Expected(int line, Integer column, String text) {
    }

    private static final Pattern MARKER = Pattern.compile(Pattern.quote(EXPECT) + "(?:\\s+@(\\d+))?(?:\\s+\"([^\"]*)\")?");

    /** The findings the markers of a file expect. */
    public static List<Expected> expected(CaseFile file) {
        List<Expected> expected = new ArrayList<>();
        String[] split = file.content().split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            Matcher marker = MARKER.matcher(split[i]);
            while (marker.find()) {
                expected.add(new Expected(i + 1, marker.group(1) == null ? null : Integer.valueOf(marker.group(1)),
                        marker.group(2)));
            }
        }
        return expected;
    }
}
