package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Finding;
import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.sql.Comment;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SourcePosition;
import io.github.rsevolve.core.sql.SqlStatement;
import java.util.List;
import java.util.Locale;

/**
 * Where one rule reports its findings. Applies the configured severity and the statement's suppression comments
 * ({@code -- redshift:lint ignore <rule> <reason>}), and writes the message as what, why and fix.
 */
public final class Reporter {

    private static final String SUPPRESSION = "redshift:lint ignore";

    private final RuleInfo info;
    private final Severity severity;
    private final List<Finding> sink;

    /** A reporter into 'sink', which the linter shares between the rules of one run. */
    public Reporter(RuleInfo info, Severity severity, List<Finding> sink) {
        this.info = info;
        this.severity = severity;
        this.sink = sink;
    }

    /** A finding at a character offset inside a statement; suppressible by the statement's comments. */
    public void report(SqlStatement statement, int offset, String what) {
        report(statement, offset, what, info.fix());
    }

    public void report(SqlStatement statement, int offset, String what, String fix) {
        if (isSuppressed(statement.comments())) {
            return;
        }
        report(statement.file(), offset, what, fix);
    }

    /** A finding about a statement as a whole, at its first token. */
    public void report(SqlStatement statement, String what) {
        report(statement, statement.startOffset(), what);
    }

    /** A finding at a character offset of a file, outside any statement. */
    public void report(SourceFile file, int offset, String what, String fix) {
        SourcePosition position = file.position(offset);
        String message = what + " Why: " + info.why() + " Fix: " + fix;
        synchronized (sink) {
            sink.add(new Finding(info.id(), info.name(), severity, file.displayPath(), position.line(),
                    position.column(), message));
        }
    }

    private boolean isSuppressed(List<Comment> comments) {
        for (Comment comment : comments) {
            String text = comment.text().toLowerCase(Locale.ROOT);
            int at = text.indexOf(SUPPRESSION);
            if (at < 0) {
                continue;
            }
            String[] words = text.substring(at + SUPPRESSION.length()).trim().split("[\\s,]+");
            for (String word : words) {
                if (word.equals(info.name()) || word.equalsIgnoreCase(info.id()) || word.equals("all")) {
                    return true;
                }
            }
        }
        return false;
    }
}
