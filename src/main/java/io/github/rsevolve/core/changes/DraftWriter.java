package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.changes.DraftGroup.Phase;
import io.github.rsevolve.core.changes.DraftGroup.Step;
import io.github.rsevolve.core.finding.CheckInfo;
import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a draft's groups as changesets: one for the groups that run in a transaction, and one of its own for each
 * group that must be alone; each group under its title, each step under a comment that says why.
 */
public final class DraftWriter {

    private static final int LINE_WIDTH = 116;

    /** What the author must look at in a draft, as findings. */
    public enum Check {
        DESTRUCTIVE("RSD01", "destructive-change", "A drafted change that removes data or access, left as a comment.",
                "The absolute model no longer has a table, column, schema or privilege the schema has; removing it "
                        + "loses data or access, so the draft lists it as a comment.",
                "Uncomment the statement once you are sure, or run redshift:diff with "
                        + "-Dredshift.allowDestructive=true."),
        MANUAL("RSD02", "manual-step", "A change the draft cannot write as a statement.",
                "Redshift cannot make this change with a statement the draft can write.",
                "Do what the comment in the draft says.");

        private final CheckInfo info;

        Check(String id, String checkName, String summary, String why, String fix) {
            this.info = new CheckInfo(id, checkName, Severity.WARNING, summary, why, fix);
        }

        public CheckInfo info() {
            return info;
        }

        Finding at(String file, int line, String what) {
            return info.finding(file, line, 1, what);
        }
    }

    private final String folder;
    private final String description;
    private final String subject;
    private final boolean allowDestructive;
    private final List<Finding> findings = new ArrayList<>();
    private int changes;

    /**
     * @param folder  the incremental folder as displayed, for the findings' locations
     * @param subject what the draft changes, e.g. "the schema the changesets build"
     */
    DraftWriter(String folder, String description, String subject, boolean allowDestructive) {
        this.folder = folder;
        this.description = description;
        this.subject = subject;
        this.allowDestructive = allowDestructive;
    }

    Draft write(List<DraftGroup> groups, String firstVersion) {
        List<List<DraftGroup>> files = new ArrayList<>();
        List<DraftGroup> prepare = groups.stream().filter(g -> g.phase() == Phase.PREPARE).toList();
        List<DraftGroup> finish = groups.stream().filter(g -> g.phase() == Phase.FINISH).toList();
        List<DraftGroup> own = groups.stream().filter(g -> g.phase() == Phase.OWN_CHANGESET).toList();
        if (own.isEmpty()) {
            List<DraftGroup> all = new ArrayList<>(prepare);
            all.addAll(finish);
            files.add(all);
        } else {
            files.add(prepare);
            own.forEach(g -> files.add(List.of(g)));
            files.add(finish);
        }
        files.removeIf(List::isEmpty);
        List<Draft.File> written = new ArrayList<>();
        String version = firstVersion;
        for (int i = 0; i < files.size(); i++) {
            List<DraftGroup> content = files.get(i);
            String suffix = files.size() == 1 ? "" : "_" + (content.get(0).fileSuffix() != null
                    ? content.get(0).fileSuffix() : i == 0 ? "prepare" : "finish");
            String fileName = NextChangeset.fileName(version, description + suffix);
            written.add(new Draft.File(fileName, render(content, fileName, i + 1, files.size())));
            version = NextChangeset.after(version);
        }
        return new Draft(written, List.copyOf(findings), changes);
    }

    private String render(List<DraftGroup> groups, String fileName, int part, int parts) {
        StringBuilder sql = new StringBuilder();
        comment(sql, "Drafted by redshift:diff: takes " + subject + " to the absolute model"
                + (parts > 1 ? " (part " + part + " of " + parts + ", in this order)" : "")
                + ". Review every statement, then run redshift:validate.");
        sql.append('\n');
        for (DraftGroup group : groups) {
            sql.append("-- ").append(group.title()).append('\n');
            for (Step step : group.steps()) {
                changes++;
                comment(sql, step.why());
                boolean held = step.destructive() && !allowDestructive;
                if (held) {
                    sql.append("-- Held back, it destroys data: uncomment it, or draft with "
                            + "-Dredshift.allowDestructive=true.\n");
                    findings.add(Check.DESTRUCTIVE.at(location(fileName), line(sql), step.why()));
                }
                if (step.manual() != null) {
                    findings.add(Check.MANUAL.at(location(fileName), line(sql), step.manual()));
                    comment(sql, "TO DO: " + step.manual());
                }
                for (String statement : step.statements()) {
                    String text = statement.startsWith("--") ? statement : statement + ";";
                    sql.append(held ? text.replaceAll("(?m)^", "-- ") : text).append('\n');
                }
            }
            sql.append('\n');
        }
        return sql.toString();
    }

    private String location(String fileName) {
        return folder.isEmpty() ? fileName : folder + "/" + fileName;
    }

    private static int line(StringBuilder sql) {
        return (int) sql.chars().filter(c -> c == '\n').count() + 1;
    }

    /** The text as comment lines of at most LINE_WIDTH characters, broken between words. */
    private static void comment(StringBuilder sql, String text) {
        StringBuilder line = new StringBuilder("--");
        for (String word : text.split("\\s+")) {
            if (line.length() + 1 + word.length() > LINE_WIDTH && line.length() > 2) {
                sql.append(line).append('\n');
                line.setLength(0);
                line.append("--");
            }
            line.append(' ').append(word);
        }
        sql.append(line).append('\n');
    }
}
