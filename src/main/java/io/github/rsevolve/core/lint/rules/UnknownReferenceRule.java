package io.github.rsevolve.core.lint.rules;

import io.github.rsevolve.core.finding.Severity;
import io.github.rsevolve.core.model.NameIndex;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Schema;
import io.github.rsevolve.core.model.SchemaObject;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.project.Script;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(id = "RS501", name = "unknown-reference", severity = Severity.ERROR,
        summary = "A view or ETL query that reads a table or view that neither the absolute model nor an earlier "
                + "changeset defines.",
        why = "Redshift rejects a view over a missing object (a late-binding view fails when queried), and the ETL "
                + "query fails when it runs.",
        fix = "Define the object in the absolute model and a changeset, or correct the name.")
public final class UnknownReferenceRule implements Rule {

    @Override
    public void checkProject(Project project, Reporter reporter) {
        KnownNames known = new KnownNames();
        for (SchemaObject object : project.absoluteModel().objects()) {
            known.add(object);
        }
        if (known.isEmpty() && project.changesets().isEmpty()) {
            return;
        }
        for (Script script : project.absolute()) {
            for (ParsedStatement statement : script.statements()) {
                checkView(statement, known, reporter);
            }
        }
        for (Changeset changeset : project.changesets()) {
            for (ParsedStatement statement : changeset.script().statements()) {
                checkView(statement, known, reporter);
                learn(statement, known);
            }
        }
        // ETL files run in name order, and a later step may read a staging table an earlier one created.
        for (Script script : project.etl()) {
            for (ParsedStatement statement : script.statements()) {
                check(statement, statement.references(), known, reporter);
                learn(statement, known);
            }
        }
    }

    /** The names defined so far, found as {@link NameIndex} finds them, and the external schemas. */
    private static final class KnownNames {
        private final NameIndex<ObjectName> defined = new NameIndex<>();
        private final Set<String> externalSchemas = new HashSet<>();

        void add(SchemaObject object) {
            if (object instanceof Schema schema) {
                if (schema.external()) {
                    externalSchemas.add(schema.name().name());
                }
            } else {
                add(object.name());
            }
        }

        void add(ObjectName name) {
            defined.add(name, name);
        }

        boolean contains(ObjectName name) {
            return defined.contains(name);
        }

        boolean isExternalSchema(String schema) {
            return externalSchemas.contains(schema);
        }

        boolean isEmpty() {
            return defined.isEmpty();
        }
    }

    private static void checkView(ParsedStatement statement, KnownNames known, Reporter reporter) {
        if (statement.definition() instanceof View view) {
            check(statement, view.references(), known, reporter);
        }
    }

    private static void check(ParsedStatement statement, Set<ObjectName> references, KnownNames known,
                              Reporter reporter) {
        for (ObjectName reference : references) {
            if (!known.contains(reference) && !isExempt(reference, statement, known)
                    && !Names.same(reference, statement.target())) {
                reporter.report(statement.statement(), offsetOf(statement, reference),
                        describe(statement) + " reads " + reference + ", which no definition creates.");
            }
        }
    }

    private static String describe(ParsedStatement statement) {
        return statement.definition() instanceof View view ? "The " + view.kind() + " " + view.name() : "The query";
    }

    private static boolean isExempt(ObjectName reference, ParsedStatement statement, KnownNames known) {
        String schema = reference.schema();
        if (schema != null && (known.isExternalSchema(schema) || Names.isSystem(schema)
                || isAlias(statement, schema))) {
            return true;
        }
        return schema == null && Names.isSystem(reference.name());
    }

    /**
     * Whether the qualifier is a table alias, as in SUPER navigation FROM customer c, c.orders o: the alias stands
     * alone somewhere in the statement, while a schema name is always followed by a dot.
     */
    private static boolean isAlias(ParsedStatement statement, String qualifier) {
        List<Token> tokens = statement.statement().tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean dotted = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(".");
            if (token.isIdentifier() && !dotted && token.identifier().equals(qualifier)) {
                return true;
            }
        }
        return false;
    }

    /** Where the reference is written: at its schema qualifier when it has one. */
    private static int offsetOf(ParsedStatement statement, ObjectName reference) {
        List<Token> tokens = statement.statement().tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isIdentifier() || !token.identifier().equals(reference.name())) {
                continue;
            }
            boolean qualified = i >= 2 && tokens.get(i - 1).isSymbol(".") && tokens.get(i - 2).isIdentifier();
            if (reference.isQualified() && qualified && tokens.get(i - 2).identifier().equals(reference.schema())) {
                return tokens.get(i - 2).offset();
            }
            if (!reference.isQualified() && !qualified) {
                return token.offset();
            }
        }
        return statement.statement().startOffset();
    }

    /** Adds what the statement creates, renames into place, or selects into. */
    private static void learn(ParsedStatement statement, KnownNames known) {
        if (statement.definition() != null) {
            known.add(statement.definition());
        } else if (statement.alter() != null) {
            for (AlterTable.Action action : statement.alter().actions()) {
                if (action.type() == AlterTable.ActionType.RENAME_TABLE) {
                    known.add(new ObjectName(statement.target().schema(), action.subject()));
                }
            }
        } else if (statement.kind() == StatementKind.SELECT) {
            ObjectName created = selectIntoTarget(statement.statement());
            if (created != null) {
                known.add(created);
            }
        }
    }

    /** The new table of SELECT ... INTO [TEMP] [TABLE] name, or null. */
    private static ObjectName selectIntoTarget(SqlStatement sql) {
        int into = sql.indexOf("into", 0);
        if (into < 0) {
            return null;
        }
        int at = into + 1;
        while (sql.token(at) != null && (sql.token(at).is("temp") || sql.token(at).is("temporary")
                || sql.token(at).is("table"))) {
            at++;
        }
        Token name = sql.token(at);
        return name != null && name.isIdentifier() ? new ObjectName(null, name.identifier()) : null;
    }
}
