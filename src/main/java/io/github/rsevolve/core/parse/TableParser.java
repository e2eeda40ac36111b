package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.Identity;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.PhysicalAttributes;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.TableConstraint;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the Redshift CREATE TABLE grammar (column attributes, constraints, table attributes) at token level, and
 * keeps the physical attributes as data. JSqlParser models none of DISTSTYLE, DISTKEY, SORTKEY, ENCODE, BACKUP or
 * IDENTITY(seed, step), so this part of the dialect stands in front of it; the CTAS query goes to JSqlParser.
 */
final class TableParser {

    /** Words that end a column's data type (docs: CREATE TABLE, column_attributes and column_constraints). */
    private static final Set<String> COLUMN_ATTRIBUTE_WORDS = Set.of("default", "identity", "generated", "encode",
            "distkey", "sortkey", "collate", "not", "null", "unique", "primary", "references", "constraint", "check");

    /** PostgreSQL table clauses that Redshift rejects; recorded for the lint rule rather than failing the parse. */
    private static final Set<String> POSTGRES_TABLE_CLAUSES = Set.of("partition", "inherits", "tablespace", "with",
            "on", "using", "without");

    private static final Set<String> TABLE_ATTRIBUTE_WORDS = Set.of("backup", "diststyle", "distkey", "sortkey",
            "compound", "interleaved", "encode", "auto", "as");

    /** The table attributes collected while parsing, shared by CREATE TABLE and CREATE MATERIALIZED VIEW. */
    static final class Attributes {
        String distStyle;
        String distKey;
        String sortStyle;
        List<String> sortKeys = new ArrayList<>();
        Boolean backup;
        boolean encodeAuto;
        Boolean autoRefresh;
        final List<Table.Clause> postgresClauses = new ArrayList<>();

        PhysicalAttributes physical() {
            return new PhysicalAttributes(distStyle, distKey, sortStyle, List.copyOf(sortKeys), backup, encodeAuto);
        }
    }

    private final TokenCursor cursor;
    private final List<Column> columns = new ArrayList<>();
    private final List<TableConstraint> constraints = new ArrayList<>();
    private final Attributes attributes = new Attributes();
    private ObjectName like;

    private TableParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** @param columnList the parenthesised group after the name, or none */
    record Parsed(Table table, int queryStart, Spans.Span columnList) {
    }

    /**
     * Parses from the table name on.
     *
     * @return the table, and the token index where a CTAS query starts (-1 for a plain CREATE TABLE)
     */
    static Parsed parse(TokenCursor cursor, boolean temporary, boolean external) {
        return new TableParser(cursor).table(temporary, external);
    }

    private Parsed table(boolean temporary, boolean external) {
        boolean ifNotExists = cursor.accept("if", "not", "exists");
        ObjectName name = cursor.qualifiedName();
        boolean nameListOnly = false;
        Spans.Span columnList = Spans.Span.NONE;
        if (cursor.isSymbol("(")) {
            int open = cursor.position();
            nameListOnly = isNameList();
            if (nameListOnly) {
                cursor.identifierList();
            } else {
                elements();
            }
            columnList = new Spans.Span(open, cursor.position());
        }
        if (external) {
            // Spectrum's PARTITIONED BY / ROW FORMAT / STORED AS / LOCATION / TABLE PROPERTIES are kept in the
            // statement but not modelled: they describe files in S3, not columns.
            while (!cursor.atEnd() && !isQueryStart(cursor)) {
                skipGroupOrToken(cursor);
            }
        } else {
            tableAttributes(attributes, cursor);
        }
        int queryStart = -1;
        if (cursor.accept("as")) {
            queryStart = cursor.position();
        } else if (!cursor.atEnd()) {
            throw cursor.error("Unexpected text after the table definition");
        } else if (nameListOnly) {
            throw cursor.error("Expected AS and a query after the column names");
        }
        Table table = new Table(name, List.copyOf(columns), List.copyOf(constraints), attributes.physical(),
                temporary || name.name().startsWith("#"), external, ifNotExists, like, queryStart >= 0, Set.of(),
                List.copyOf(attributes.postgresClauses), null);
        return new Parsed(table, queryStart, columnList);
    }

    /** CTAS may name its columns: (a, b, c) with nothing but names. */
    private boolean isNameList() {
        int i = 1;
        while (true) {
            Token name = cursor.peek(i);
            Token after = cursor.peek(i + 1);
            if (name == null || !name.isIdentifier() || after == null) {
                return false;
            }
            if (after.isSymbol(")")) {
                return true;
            }
            if (!after.isSymbol(",")) {
                return false;
            }
            i += 2;
        }
    }

    private void elements() {
        cursor.expectSymbol("(");
        do {
            element();
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
    }

    private void element() {
        Token first = cursor.peek();
        Token second = cursor.peek(1);
        if (first == null) {
            throw cursor.error("Expected a column definition");
        }
        boolean tableConstraint = first.is("constraint")
                || (first.is("primary") && second != null && second.is("key"))
                || (first.is("foreign") && second != null && second.is("key"))
                || ((first.is("unique") || first.is("check")) && second != null && second.isSymbol("("));
        if (tableConstraint) {
            tableConstraint();
        } else if (first.is("like") && second != null && second.isIdentifier()) {
            cursor.next();
            like = cursor.qualifiedName();
            if (cursor.accept("including") || cursor.accept("excluding")) {
                cursor.expect("defaults");
            }
        } else {
            column();
        }
    }

    private void tableConstraint() {
        int offset = cursor.offset();
        String name = cursor.accept("constraint") ? cursor.identifier() : null;
        if (cursor.accept("primary", "key")) {
            constraints.add(new TableConstraint(TableConstraint.Type.PRIMARY_KEY, name, cursor.identifierList(), null,
                    offset));
        } else if (cursor.accept("unique")) {
            constraints.add(new TableConstraint(TableConstraint.Type.UNIQUE, name, cursor.identifierList(), null,
                    offset));
        } else if (cursor.accept("foreign", "key")) {
            List<String> columnsOfKey = cursor.identifierList();
            cursor.expect("references");
            ObjectName target = cursor.qualifiedName();
            if (cursor.isSymbol("(")) {
                cursor.identifierList();
            }
            constraints.add(new TableConstraint(TableConstraint.Type.FOREIGN_KEY, name, columnsOfKey, target, offset));
        } else if (cursor.accept("check")) {
            cursor.skipParenthesised();
            constraints.add(new TableConstraint(TableConstraint.Type.CHECK, name, List.of(), null, offset));
        } else {
            throw cursor.error("Expected PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK");
        }
        referentialActions();
    }

    /** PostgreSQL's ON DELETE / ON UPDATE / MATCH / DEFERRABLE, which Redshift does not take; skipped here. */
    private void referentialActions() {
        while (!cursor.atEnd() && !cursor.isSymbol(",") && !cursor.isSymbol(")")
                && (cursor.is("on") || cursor.is("match") || cursor.is("deferrable") || cursor.is("initially")
                || cursor.is("not") && cursor.peek(1) != null && cursor.peek(1).is("deferrable"))) {
            if (cursor.accept("on")) {
                cursor.word();
                cursor.word();
                if (cursor.is("null") || cursor.is("default") || cursor.is("action")) {
                    cursor.next();
                }
            } else {
                cursor.next();
                if (cursor.is("deferrable") || cursor.is("deferred") || cursor.is("immediate")
                        || cursor.is("full") || cursor.is("partial") || cursor.is("simple")) {
                    cursor.next();
                }
            }
        }
    }

    /** One table constraint, as ALTER TABLE ... ADD [CONSTRAINT name] writes it. */
    static TableConstraint constraintDefinition(TokenCursor cursor) {
        TableParser parser = new TableParser(cursor);
        parser.tableConstraint();
        return parser.constraints.get(0);
    }

    /** One column definition, as ALTER TABLE ... ADD COLUMN writes it. */
    static Column columnDefinition(TokenCursor cursor) {
        TableParser parser = new TableParser(cursor);
        parser.column();
        return parser.columns.get(0);
    }

    private void column() {
        int offset = cursor.offset();
        String name = cursor.identifier();
        String type = dataType(cursor);
        boolean notNull = false;
        String defaultValue = null;
        String encoding = null;
        Identity identity = null;
        boolean distKey = false;
        boolean sortKey = false;
        boolean primaryKey = false;
        boolean unique = false;
        ObjectName references = null;
        while (!cursor.atEnd() && !cursor.isSymbol(",") && !cursor.isSymbol(")")) {
            int attributeOffset = cursor.offset();
            if (cursor.accept("constraint")) {
                cursor.identifier();
            } else if (cursor.accept("default")) {
                defaultValue = defaultExpression();
            } else if (cursor.accept("identity")) {
                identity = identityParameters(false);
            } else if (cursor.accept("generated")) {
                boolean byDefault = cursor.accept("by", "default");
                if (!byDefault) {
                    cursor.expect("always");
                }
                cursor.expect("as");
                cursor.expect("identity");
                identity = identityParameters(byDefault);
            } else if (cursor.accept("encode")) {
                encoding = cursor.word().toLowerCase(Locale.ROOT);
            } else if (cursor.accept("distkey")) {
                distKey = true;
                attributes.distKey = name;
            } else if (cursor.accept("sortkey")) {
                sortKey = true;
                attributes.sortKeys.add(name);
                attributes.sortStyle = attributes.sortStyle == null ? "COMPOUND" : attributes.sortStyle;
            } else if (cursor.accept("collate")) {
                cursor.next();
            } else if (cursor.accept("not", "null")) {
                notNull = true;
            } else if (cursor.accept("null")) {
                notNull = false;
            } else if (cursor.accept("unique")) {
                unique = true;
            } else if (cursor.accept("primary", "key")) {
                primaryKey = true;
                notNull = true;
            } else if (cursor.accept("references")) {
                references = cursor.qualifiedName();
                if (cursor.isSymbol("(")) {
                    cursor.identifierList();
                }
                referentialActions();
            } else if (cursor.accept("check")) {
                cursor.skipParenthesised();
                constraints.add(new TableConstraint(TableConstraint.Type.CHECK, null, List.of(name), null,
                        attributeOffset));
            } else {
                throw cursor.error("Unexpected word in the definition of column " + name);
            }
        }
        columns.add(new Column(name, type, notNull, defaultValue, encoding, identity, distKey, sortKey, primaryKey,
                unique, references, offset));
    }

    private Identity identityParameters(boolean byDefault) {
        if (!cursor.isSymbol("(")) {
            return new Identity(1, 1, byDefault);
        }
        int start = cursor.position();
        try {
            cursor.expectSymbol("(");
            long seed = cursor.number();
            cursor.expectSymbol(",");
            long step = cursor.number();
            cursor.expectSymbol(")");
            return new Identity(seed, step, byDefault);
        } catch (TokenCursor.SyntaxError e) {
            // PostgreSQL's (START WITH n INCREMENT BY m) form: keep the column, the sequence options are not modelled.
            cursor.reset(start);
            cursor.skipParenthesised();
            return new Identity(1, 1, byDefault);
        }
    }

    private String defaultExpression() {
        int start = cursor.position();
        int depth = 0;
        while (!cursor.atEnd()) {
            Token t = cursor.peek();
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                break;
            }
            if (depth == 0 && cursor.position() > start && t.type() == TokenType.WORD
                    && COLUMN_ATTRIBUTE_WORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
                break;
            }
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            cursor.next();
        }
        if (cursor.position() == start) {
            throw cursor.error("Expected a default value");
        }
        return cursor.text(start, cursor.position());
    }

    /**
     * A data type, normalised: lower case, words separated by one space, no spaces around parentheses and commas.
     * Angle brackets are followed for Spectrum's array&lt;...&gt; and struct&lt;...&gt;.
     */
    static String dataType(TokenCursor cursor) {
        StringBuilder type = new StringBuilder();
        int depth = 0;
        Token previous = null;
        while (!cursor.atEnd()) {
            Token t = cursor.peek();
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                break;
            }
            if (depth == 0 && type.length() > 0 && t.type() == TokenType.WORD
                    && COLUMN_ATTRIBUTE_WORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
                break;
            }
            if (t.isSymbol("(") || t.isSymbol("<")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol(">")) {
                depth--;
            }
            boolean word = t.type() != TokenType.SYMBOL;
            if (word && previous != null && previous.type() != TokenType.SYMBOL) {
                type.append(' ');
            }
            type.append(t.type() == TokenType.QUOTED_IDENTIFIER ? t.text() : t.text().toLowerCase(Locale.ROOT));
            previous = t;
            cursor.next();
        }
        if (type.length() == 0) {
            throw cursor.error("Expected a data type");
        }
        return type.toString();
    }

    /**
     * Table attributes, in any order (docs: CREATE TABLE table_attributes, CREATE MATERIALIZED VIEW). Stops at AS or
     * the end of the statement. PostgreSQL-only clauses are recorded and skipped.
     */
    static void tableAttributes(Attributes attributes, TokenCursor cursor) {
        while (!cursor.atEnd() && !cursor.is("as")) {
            Token at = cursor.peek();
            if (cursor.accept("backup")) {
                attributes.backup = yesNo(cursor);
            } else if (cursor.accept("diststyle")) {
                attributes.distStyle = cursor.word();
            } else if (cursor.accept("distkey")) {
                List<String> key = cursor.identifierList();
                if (key.size() != 1) {
                    throw new TokenCursor.SyntaxError("DISTKEY takes exactly one column", at.offset());
                }
                attributes.distKey = key.get(0);
            } else if (cursor.accept("sortkey", "auto")) {
                attributes.sortStyle = "AUTO";
            } else if (cursor.is("sortkey") || cursor.is("compound") || cursor.is("interleaved")) {
                String style = cursor.is("sortkey") ? "COMPOUND" : cursor.word();
                cursor.expect("sortkey");
                attributes.sortStyle = style;
                attributes.sortKeys = cursor.identifierList();
            } else if (cursor.accept("encode")) {
                cursor.expect("auto");
                attributes.encodeAuto = true;
            } else if (cursor.accept("auto", "refresh")) {
                attributes.autoRefresh = yesNo(cursor);
            } else if (at.type() == TokenType.WORD && POSTGRES_TABLE_CLAUSES.contains(at.identifier())) {
                Token next = cursor.peek(1);
                String keyword = at.identifier().equals("on") && next != null && next.is("commit") ? "ON COMMIT"
                        : at.identifier().equals("partition") ? "PARTITION BY" : at.text().toUpperCase(Locale.ROOT);
                attributes.postgresClauses.add(new Table.Clause(keyword, at.offset()));
                cursor.next();
                while (!cursor.atEnd() && !(cursor.peek().type() == TokenType.WORD
                        && TABLE_ATTRIBUTE_WORDS.contains(cursor.peek().identifier()))) {
                    skipGroupOrToken(cursor);
                }
            } else {
                throw cursor.error("Expected a table attribute (DISTSTYLE, DISTKEY, SORTKEY, ENCODE, BACKUP) or AS");
            }
        }
    }

    /** AS that starts a query, unlike the AS of Spectrum's STORED AS PARQUET. */
    private static boolean isQueryStart(TokenCursor cursor) {
        Token next = cursor.peek(1);
        return cursor.is("as") && next != null && (next.is("select") || next.is("with") || next.isSymbol("("));
    }

    private static Boolean yesNo(TokenCursor cursor) {
        if (cursor.accept("yes")) {
            return true;
        }
        cursor.expect("no");
        return false;
    }

    private static void skipGroupOrToken(TokenCursor cursor) {
        if (cursor.isSymbol("(")) {
            cursor.skipParenthesised();
        } else {
            cursor.next();
        }
    }
}
