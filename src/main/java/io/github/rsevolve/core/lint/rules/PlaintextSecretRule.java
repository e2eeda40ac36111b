package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.Locale;
import java.util.regex.Pattern;

@RuleInfo(id = "RS701", name = "plaintext-secret", severity = Severity.ERROR,
        summary = "A plain-text PASSWORD in CREATE/ALTER USER, or AWS secret keys in COPY/UNLOAD credentials.",
        why = "The secret is committed to git, where everyone with read access, every clone and every CI log "
                + "can see it, forever.",
        fix = "Use PASSWORD DISABLE with IAM authentication, an MD5/SHA-256 hash, or a Flyway placeholder such "
                + "as '${app_password}'; for COPY and UNLOAD use IAM_ROLE. Then rotate the leaked secret.")
public final class PlaintextSecretRule implements Rule {

    /** Redshift takes a password hash as md5 + 32 hex digits, or sha256|... (docs: CREATE USER). */
    private static final Pattern HASH = Pattern.compile("(?i)md5[0-9a-f]{32}|sha256\\|.*");

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        SqlStatement sql = statement.statement();
        StatementKind kind = statement.kind();
        if (kind == StatementKind.CREATE_USER || kind == StatementKind.ALTER_USER) {
            int password = sql.indexOf("password", 0);
            Token value = sql.token(password + 1);
            if (password >= 0 && value != null && value.type() == TokenType.STRING && isSecret(value.stringValue())) {
                // The message never repeats the literal: the secret must not reach a log or report either.
                reporter.report(sql, value.offset(), "The user's password is written in plain text.");
            }
        }
        if (kind == StatementKind.COPY || kind == StatementKind.UNLOAD) {
            for (Token token : sql.tokens()) {
                if (token.type() == TokenType.STRING
                        && token.text().toLowerCase(Locale.ROOT).contains("aws_secret_access_key=")) {
                    reporter.report(sql, token.offset(), "The credentials hold an AWS secret access key.");
                }
            }
            int secretKey = sql.indexOf("secret_access_key", 0);
            Token value = sql.token(secretKey + 1);
            if (secretKey >= 0 && value != null && value.type() == TokenType.STRING && isSecret(value.stringValue())) {
                reporter.report(sql, value.offset(), "SECRET_ACCESS_KEY is written in plain text.");
            }
        }
    }

    private static boolean isSecret(String value) {
        return !value.isEmpty() && !HASH.matcher(value).matches() && !value.contains("${");
    }
}
