package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.Routine;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Origin;
import io.github.rsevolve.core.sql.Token;
import java.util.List;

@RuleInfo(id = "RS126", name = "routine-language", severity = Severity.ERROR,
        docs = "CREATE FUNCTION; CREATE PROCEDURE; Python language support for UDFs",
        summary = "A function in a language other than SQL, a Python UDF, or a procedure in a language other than "
                + "PL/pgSQL.",
        why = "Redshift creates scalar functions with LANGUAGE sql (docs: CREATE FUNCTION) and stored procedures "
                + "with LANGUAGE plpgsql only (docs: CREATE PROCEDURE); it no longer creates Python UDFs (LANGUAGE "
                + "plpythonu) since patch 198, and existing ones stopped running after June 30, 2026 (docs: Python "
                + "language support for UDFs). PostgreSQL creates a plpgsql function, and the stand-in a stub of a "
                + "Python one.",
        fix = "Write the function as a SQL UDF (LANGUAGE sql) or a Lambda UDF (CREATE EXTERNAL FUNCTION), and "
                + "procedures in PL/pgSQL.")
public final class RoutineLanguageRule implements Rule {

    @Override
    public void checkStatement(Origin origin, ParsedStatement statement, Reporter reporter) {
        if (!(statement.definition() instanceof Routine routine) || routine.language() == null) {
            return;
        }
        String language = routine.language();
        String problem;
        if (routine.procedure()) {
            problem = language.equals("plpgsql") ? null : "Procedure " + routine.name() + " is written in "
                    + language + "; Redshift's procedures are PL/pgSQL only.";
        } else if (language.equals("plpythonu")) {
            problem = "Function " + routine.name() + " is a Python UDF, which Redshift no longer creates or runs.";
        } else {
            problem = language.equals("sql") ? null : "Function " + routine.name() + " is written in " + language
                    + "; Redshift's functions are SQL (or Lambda) only.";
        }
        if (problem != null) {
            reporter.report(statement.statement(), languageOffset(statement), problem);
        }
    }

    /** Where the LANGUAGE clause names the language, or the statement's start. */
    private static int languageOffset(ParsedStatement statement) {
        List<Token> tokens = statement.statement().tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("language")) {
                return tokens.get(i + 1).offset();
            }
        }
        return statement.statement().startOffset();
    }
}
