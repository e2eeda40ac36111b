package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.Words;
import java.nio.charset.StandardCharsets;
import java.util.List;

@RuleInfo(id = "RS110", name = "identifier-limits", severity = Severity.ERROR,
        summary = "A name longer than 127 bytes, or a delimited name with a character that is not printable.",
        why = "Redshift names are 1 to 127 bytes long (UTF-8, without the quotes), and a delimited identifier may "
                + "hold only printable UTF-8 characters (docs: Names and identifiers); PostgreSQL truncates long "
                + "names to 63 bytes without an error.",
        fix = "Shorten the name to at most 127 bytes, and remove tabs, line breaks and other control characters "
                + "from it.")
public final class IdentifierLimitsRule implements Rule {

    static final int MAX_BYTES = 127;

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        // A UTF-8 character is at most 3 bytes per UTF-16 unit, and only a delimited name holds control characters:
        // of the plain words only the long ones need a look.
        List<Token> tokens = statement.statement().tokens();
        Words words = statement.statement().words();
        for (String word : words.all()) {
            if (word.length() * 3 > MAX_BYTES) {
                for (int i : words.of(word)) {
                    check(statement, tokens.get(i), reporter);
                }
            }
        }
        for (int i : words.quoted()) {
            check(statement, tokens.get(i), reporter);
        }
    }

    private static void check(ParsedStatement statement, Token token, Reporter reporter) {
        String name = token.identifier();
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            reporter.report(statement.statement(), token.offset(), "The name " + preview(name) + " is " + bytes
                    + " bytes long.");
        }
        int control = name.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
        if (control >= 0) {
            reporter.report(statement.statement(), token.offset(), "The name " + preview(name)
                    + " holds the control character U+" + String.format("%04X", control) + ".");
        }
    }

    /** The start of a name, with control characters shown as escapes, for a message on one line. */
    static String preview(String name) {
        StringBuilder shown = new StringBuilder("\"");
        name.codePoints().limit(40).forEach(c -> shown.append(Character.isISOControl(c)
                ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
        return shown.append(name.codePointCount(0, name.length()) > 40 ? "...\"" : "\"").toString();
    }
}
