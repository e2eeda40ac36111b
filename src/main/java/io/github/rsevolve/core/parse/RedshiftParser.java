package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.Comment;
import io.github.rsevolve.core.model.Grant;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Routine;
import io.github.rsevolve.core.model.Schema;
import io.github.rsevolve.core.model.SchemaObject;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.sql.SqlProblem;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The Redshift dialect: classifies each statement by its leading keywords, parses Redshift DDL (tables with their
 * physical attributes, views, ALTER TABLE, GRANT, COMMENT, DROP) and Redshift-only statements (COPY, UNLOAD, VACUUM,
 * external schemas and tables, libraries) itself, and hands queries and DML to JSqlParser. A statement it cannot
 * understand comes back with a located problem, never an exception. Thread-safe.
 */
public final class RedshiftParser implements AutoCloseable {

    /** Default bound on one JSqlParser run. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 1000;

    private final long timeoutMillis;
    private final ParseDepth depth;
    /** JSqlParser and its threads, made when a query first needs them: reading queries from tokens never does. */
    private ExecutorService executor;
    private QueryParser queries;

    public RedshiftParser(long timeoutMillis) {
        this(timeoutMillis, ParseDepth.FULL);
    }

    public RedshiftParser(long timeoutMillis, ParseDepth depth) {
        this.timeoutMillis = timeoutMillis;
        this.depth = depth;
    }

    private synchronized QueryParser queries() {
        if (queries == null) {
            executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "redshift-sql-parser");
                thread.setDaemon(true);
                return thread;
            });
            queries = new QueryParser(executor, timeoutMillis);
        }
        return queries;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * Parses a file's statements in order, following its SET search_path statements: an unqualified object created
     * after one lands in the path's first schema.
     */
    public List<ParsedStatement> parseScript(List<SqlStatement> statements) {
        return parseScript(statements, this::parse);
    }

    /** As {@link #parseScript(List)}, each statement parsed by 'parse' (which may know some already). */
    public List<ParsedStatement> parseScript(List<SqlStatement> statements,
                                             Function<SqlStatement, ParsedStatement> parse) {
        List<ParsedStatement> parsed = new ArrayList<>(statements.size());
        List<String> path = List.of();
        for (SqlStatement statement : statements) {
            ParsedStatement one = parse.apply(statement).under(path);
            parsed.add(one);
            List<String> set = searchPathSet(statement);
            if (set != null) {
                path = set;
            }
        }
        return List.copyOf(parsed);
    }

    /** The schemas of SET search_path TO a, b (without $user and public's defaults kept), or null. */
    private static List<String> searchPathSet(SqlStatement statement) {
        if (!statement.startsWith("set", "search_path")) {
            return null;
        }
        List<String> schemas = new ArrayList<>();
        for (int i = 2; i < statement.tokens().size(); i++) {
            Token token = statement.token(i);
            if (token.isIdentifier() && !token.is("to") && !token.is("default")) {
                schemas.add(token.identifier());
            } else if (token.type() == TokenType.STRING) {
                schemas.add(token.stringValue().toLowerCase(Locale.ROOT));
            }
        }
        return schemas.stream().filter(s -> !s.equals("$user")).toList();
    }

    public ParsedStatement parse(SqlStatement statement) {
        Builder result = new Builder(statement);
        try {
            dispatch(new TokenCursor(statement, 0), result);
        } catch (TokenCursor.SyntaxError e) {
            result.problems.add(new SqlProblem(SqlProblem.Kind.UNPARSED_STATEMENT, statement.file(), e.offset,
                    "Cannot parse this " + result.describe() + ": " + e.getMessage() + ".",
                    "Check the syntax against the Redshift SQL reference for this statement."));
        }
        return result.build();
    }

    private void dispatch(TokenCursor cursor, Builder result) {
        Token first = cursor.peek();
        String word = first.type() == TokenType.WORD ? first.identifier() : first.text();
        switch (word) {
            case "create" -> create(cursor, result);
            case "alter" -> alter(cursor, result);
            case "drop" -> drop(cursor, result);
            case "grant", "revoke" -> grant(cursor, result);
            case "comment" -> comment(cursor, result);
            case "select", "with", "(", "values" -> query(result, StatementKind.SELECT, 0);
            case "insert" -> query(result, StatementKind.INSERT, 0);
            case "update" -> query(result, StatementKind.UPDATE, 0);
            case "delete" -> query(result, StatementKind.DELETE, 0);
            case "merge" -> query(result, StatementKind.MERGE, 0);
            case "truncate" -> {
                cursor.next();
                cursor.accept("table");
                result.kind = StatementKind.TRUNCATE;
                result.target = cursor.qualifiedName();
                result.references.add(result.target);
            }
            case "copy" -> {
                cursor.next();
                result.kind = StatementKind.COPY;
                result.target = cursor.qualifiedName();
                result.references.add(result.target);
            }
            case "unload" -> result.kind = StatementKind.UNLOAD;
            case "vacuum" -> result.kind = StatementKind.VACUUM;
            case "analyze", "analyse" -> result.kind = StatementKind.ANALYZE;
            case "lock" -> {
                cursor.next();
                cursor.accept("table");
                result.kind = StatementKind.LOCK;
                do {
                    result.references.add(cursor.qualifiedName());
                } while (cursor.acceptSymbol(","));
                result.target = result.references.get(0);
            }
            case "begin", "start", "commit", "end", "rollback", "abort" -> result.kind = StatementKind.TRANSACTION;
            case "set", "reset", "show" -> result.kind = StatementKind.SESSION;
            case "call" -> result.kind = StatementKind.CALL;
            case "explain" -> query(result, StatementKind.OTHER, explainedStatementStart(cursor));
            // Redshift statements with nothing to model: cursors, prepared statements, MV refresh, policies, etc.
            case "cancel", "close", "declare", "fetch", "prepare", "execute", "deallocate", "refresh", "attach",
                 "detach", "use", "desc", "describe" -> result.kind = StatementKind.OTHER;
            default -> query(result, StatementKind.UNKNOWN, 0);
        }
    }

    private static int explainedStatementStart(TokenCursor cursor) {
        cursor.next();
        cursor.accept("verbose");
        return cursor.position();
    }

    private void query(Builder result, StatementKind kind, int from) {
        result.kind = kind;
        if (depth == ParseDepth.TOKENS && kind != StatementKind.UNKNOWN) {
            int to = result.statement.tokens().size();
            boolean sound = shapeIsSound(result, from, to);
            if (sound) {
                result.references.addAll(TokenReferences.of(result.statement, from, to));
            }
            setDmlTarget(result, kind);
            if (sound && result.target != null) {
                // The table a DML statement writes is one it depends on, as JSqlParser counts it.
                result.references.add(result.target);
            }
            return;
        }
        QueryParser.Result parsed = queries().parse(result.statement, from, result.statement.tokens().size());
        if (parsed.problem() != null) {
            result.problems.add(parsed.problem());
        } else {
            result.references.addAll(parsed.references());
            if (kind == StatementKind.UNKNOWN) {
                result.kind = StatementKind.OTHER;
            }
        }
        setDmlTarget(result, kind);
    }

    /**
     * Whether the query's tokens show no syntax slip; a slip is a problem, and, as for a statement JSqlParser
     * rejects, no references are read from a statement that does not parse.
     */
    private static boolean shapeIsSound(Builder result, int from, int to) {
        SqlProblem slip = QueryShape.check(result.statement, from, to);
        if (slip != null) {
            result.problems.add(slip);
        }
        return slip == null;
    }

    private static void setDmlTarget(Builder result, StatementKind kind) {
        int target = targetOfDml(result.statement, kind);
        if (target >= 0) {
            result.target = new TokenCursor(result.statement, target).qualifiedName();
        }
    }

    /** The index of the first token of the table an INSERT INTO / UPDATE / DELETE FROM / MERGE INTO writes, or -1. */
    private static int targetOfDml(SqlStatement statement, StatementKind kind) {
        int at = switch (kind) {
            case INSERT -> statement.indexOf("into", 0) + 1;
            case UPDATE -> 1;
            case DELETE -> statement.token(1) != null && statement.token(1).is("from") ? 2 : 1;
            case MERGE -> statement.indexOf("into", 0) + 1;
            default -> -1;
        };
        Token token = statement.token(at);
        return at > 0 && token != null && token.isIdentifier() ? at : -1;
    }

    private void create(TokenCursor cursor, Builder result) {
        cursor.expect("create");
        boolean orReplace = cursor.accept("or", "replace");
        if (cursor.accept("schema")) {
            result.kind = StatementKind.CREATE_SCHEMA;
            boolean ifNotExists = cursor.accept("if", "not", "exists");
            // CREATE SCHEMA AUTHORIZATION user names the schema after the user.
            cursor.accept("authorization");
            result.define(new Schema(new ObjectName(null, cursor.identifier()), false, ifNotExists,
                    result.statement));
        } else if (cursor.accept("external", "schema")) {
            result.kind = StatementKind.CREATE_EXTERNAL_SCHEMA;
            boolean ifNotExists = cursor.accept("if", "not", "exists");
            result.define(new Schema(new ObjectName(null, cursor.identifier()), true, ifNotExists,
                    result.statement));
        } else if (cursor.accept("external", "table")) {
            result.kind = StatementKind.CREATE_EXTERNAL_TABLE;
            table(cursor, result, false, true);
        } else if (cursor.is("local") || cursor.is("temp") || cursor.is("temporary") || cursor.is("table")) {
            cursor.accept("local");
            boolean temporary = cursor.accept("temp") || cursor.accept("temporary");
            cursor.expect("table");
            result.kind = StatementKind.CREATE_TABLE;
            table(cursor, result, temporary, false);
        } else if (cursor.accept("view")) {
            result.kind = StatementKind.CREATE_VIEW;
            view(cursor, result, orReplace, false);
        } else if (cursor.accept("materialized", "view")) {
            result.kind = StatementKind.CREATE_MATERIALIZED_VIEW;
            view(cursor, result, orReplace, true);
        } else if (cursor.accept("function") || cursor.accept("external", "function")) {
            result.kind = StatementKind.CREATE_FUNCTION;
            routine(cursor, result, false);
        } else if (cursor.accept("procedure")) {
            result.kind = StatementKind.CREATE_PROCEDURE;
            routine(cursor, result, true);
        } else if (cursor.is("index") || cursor.is("unique") && cursor.peek(1) != null
                && cursor.peek(1).is("index")) {
            result.kind = StatementKind.CREATE_INDEX;
        } else if (cursor.is("trigger") || cursor.is("constraint") || cursor.is("event")) {
            result.kind = StatementKind.CREATE_TRIGGER;
        } else if (cursor.is("extension")) {
            result.kind = StatementKind.CREATE_EXTENSION;
        } else if (cursor.is("library")) {
            result.kind = StatementKind.CREATE_LIBRARY;
        } else if (cursor.is("user")) {
            result.kind = StatementKind.CREATE_USER;
        } else if (!cursor.atEnd() && cursor.peek().type() == TokenType.WORD) {
            result.kind = StatementKind.CREATE_OTHER;
        } else {
            throw cursor.error("Expected what to create");
        }
    }

    private void table(TokenCursor cursor, Builder result, boolean temporary, boolean external) {
        TableParser.Parsed parsed = TableParser.parse(cursor, temporary, external);
        Table table = parsed.table();
        Set<ObjectName> references = Set.of();
        if (parsed.queryStart() >= 0) {
            result.kind = external ? StatementKind.CREATE_EXTERNAL_TABLE : StatementKind.CREATE_TABLE_AS;
            int queryEnd = result.statement.tokens().size();
            references = queryReferences(result, parsed.queryStart(), queryEnd);
            result.spans = Spans.ofQuery(new Spans.Span(parsed.queryStart(), queryEnd), parsed.columnList());
        } else if (table.like() != null) {
            references = Set.of(table.like());
        }
        result.define(new Table(table.name(), table.columns(), table.constraints(), table.physical(),
                table.temporary(), table.external(), table.ifNotExists(), table.like(), table.createdAs(),
                references, table.postgresClauses(), result.statement));
    }

    private void view(TokenCursor cursor, Builder result, boolean orReplace, boolean materialized) {
        cursor.accept("if", "not", "exists");
        ObjectName name = cursor.qualifiedName();
        Spans.Span columnList = Spans.Span.NONE;
        if (cursor.isSymbol("(")) {
            int open = cursor.position();
            cursor.identifierList();
            columnList = new Spans.Span(open, cursor.position());
        }
        TableParser.Attributes attributes = new TableParser.Attributes();
        if (materialized) {
            TableParser.tableAttributes(attributes, cursor);
        }
        cursor.expect("as");
        int queryStart = cursor.position();
        int queryEnd = result.statement.tokens().size();
        boolean lateBinding = false;
        // WITH NO SCHEMA BINDING makes a late-binding view (docs: CREATE VIEW); Redshift does not check its references.
        if (queryEnd - queryStart > 4 && result.statement.startsWith(queryEnd - 4, "with", "no", "schema", "binding")) {
            lateBinding = true;
            queryEnd -= 4;
        }
        Set<ObjectName> references = queryReferences(result, queryStart, queryEnd);
        result.spans = Spans.ofQuery(new Spans.Span(queryStart, queryEnd), columnList);
        result.define(new View(name, materialized, lateBinding, orReplace, attributes.physical(),
                attributes.autoRefresh, cursor.text(queryStart, queryEnd), references, result.statement));
    }

    private Set<ObjectName> queryReferences(Builder result, int from, int to) {
        if (depth == ParseDepth.TOKENS) {
            Set<ObjectName> references = shapeIsSound(result, from, to) ? TokenReferences.of(result.statement, from, to)
                    : Set.of();
            result.references.addAll(references);
            return references;
        }
        QueryParser.Result parsed = queries().parse(result.statement, from, to);
        if (parsed.problem() != null) {
            result.problems.add(parsed.problem());
        }
        result.references.addAll(parsed.references());
        return parsed.references();
    }

    /** The words that end a function's RETURNS type (docs: CREATE FUNCTION, CREATE EXTERNAL FUNCTION). */
    private static final Set<String> ROUTINE_OPTIONS = Set.of("stable", "volatile", "immutable", "as", "language",
            "lambda", "iam_role", "retry_timeout", "sagemaker", "max_batch_rows", "max_batch_size");

    private static void routine(TokenCursor cursor, Builder result, boolean procedure) {
        ObjectName name = cursor.qualifiedName();
        Spans.Span argumentList = Spans.Span.NONE;
        List<Spans.Span> arguments = new ArrayList<>();
        if (cursor.isSymbol("(")) {
            int open = cursor.position();
            cursor.next();
            int start = cursor.position();
            int depth = 0;
            while (!cursor.atEnd()) {
                Token token = cursor.next();
                boolean end = depth == 0 && token.isSymbol(")");
                if (end || depth == 0 && token.isSymbol(",")) {
                    if (cursor.position() - 1 > start) {
                        arguments.add(new Spans.Span(start, cursor.position() - 1));
                    }
                    start = cursor.position();
                    if (end) {
                        break;
                    }
                }
                depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            }
            argumentList = new Spans.Span(open, cursor.position());
        }
        Spans.Span returns = Spans.Span.NONE;
        if (cursor.accept("returns")) {
            int from = cursor.position();
            while (!cursor.atEnd() && !ROUTINE_OPTIONS.contains(cursor.peek().text().toLowerCase(Locale.ROOT))) {
                cursor.next();
            }
            returns = new Spans.Span(from, cursor.position());
        }
        result.spans = Spans.ofRoutine(argumentList, arguments, returns);
        int language = result.statement.indexOf("language", cursor.position());
        String languageName = language >= 0 && result.statement.token(language + 1) != null
                ? result.statement.token(language + 1).identifier() : null;
        result.define(new Routine(name, procedure, languageName, result.statement));
    }

    private static void alter(TokenCursor cursor, Builder result) {
        cursor.expect("alter");
        if (cursor.accept("table")) {
            result.kind = StatementKind.ALTER_TABLE;
            cursor.accept("if", "exists");
            result.target = cursor.qualifiedName();
            result.alter = AlterTableParser.parse(cursor, result.target);
        } else if (cursor.accept("external", "table")) {
            result.kind = StatementKind.ALTER_EXTERNAL_TABLE;
            result.target = cursor.qualifiedName();
        } else if (cursor.accept("user")) {
            result.kind = StatementKind.ALTER_USER;
        } else {
            result.kind = StatementKind.ALTER_OTHER;
        }
    }

    private static void drop(TokenCursor cursor, Builder result) {
        cursor.expect("drop");
        result.kind = StatementKind.DROP;
        String type = cursor.word();
        if (type.equals("MATERIALIZED") || type.equals("EXTERNAL")) {
            type += " " + cursor.word();
        }
        boolean ifExists = cursor.accept("if", "exists");
        List<ObjectName> names = new ArrayList<>();
        if (!cursor.atEnd()) {
            do {
                names.add(cursor.qualifiedName());
                if (cursor.isSymbol("(")) {
                    cursor.skipParenthesised();
                }
            } while (cursor.acceptSymbol(","));
        }
        boolean cascade = cursor.accept("cascade");
        if (!cascade) {
            cursor.accept("restrict");
        }
        result.drop = new Drop(type, List.copyOf(names), ifExists, cascade);
        result.target = names.isEmpty() ? null : names.get(0);
    }

    /** GRANT and REVOKE in all Redshift forms: object privileges, ALL ... IN SCHEMA, column lists, roles. */
    private static void grant(TokenCursor cursor, Builder result) {
        boolean revoke = cursor.word().equals("REVOKE");
        result.kind = revoke ? StatementKind.REVOKE : StatementKind.GRANT;
        cursor.accept("grant", "option", "for");
        List<String> privileges = new ArrayList<>();
        boolean samePrivilege = false;
        while (!cursor.atEnd() && !cursor.is("on") && !cursor.is("to") && !cursor.is("from")) {
            if (cursor.isSymbol("(")) {
                cursor.skipParenthesised();
            } else if (cursor.acceptSymbol(",")) {
                samePrivilege = false;
            } else {
                String word = cursor.next().text().toUpperCase(Locale.ROOT);
                if (samePrivilege) {
                    // Multi-word privileges: ALL PRIVILEGES, CREATE MODEL, ALTER DEFAULT ...
                    privileges.set(privileges.size() - 1, privileges.get(privileges.size() - 1) + " " + word);
                } else {
                    privileges.add(word);
                }
                samePrivilege = true;
            }
        }
        String objectType = "ROLE";
        List<ObjectName> objects = new ArrayList<>();
        if (cursor.accept("on")) {
            objectType = "TABLE";
            if (cursor.peek() != null && cursor.peek().type() == TokenType.STRING) {
                // GRANT ASSUMEROLE ON 'arn:aws:iam::...' TO ... FOR COPY: the object is an IAM role.
                objectType = "IAM ROLE";
                cursor.next();
            } else if (cursor.is("all") && cursor.peek(1) != null
                    && (cursor.peek(1).is("to") || cursor.peek(1).is("from"))) {
                objectType = "ALL";
                cursor.next();
            } else if (cursor.is("all") && cursor.peek(1) != null && !cursor.peek(1).isSymbol(",")) {
                StringBuilder type = new StringBuilder(cursor.word());
                while (!cursor.atEnd() && !cursor.is("schema")) {
                    type.append(' ').append(cursor.word());
                }
                cursor.expect("schema");
                objectType = type + " SCHEMA";
            } else if (isObjectTypeWord(cursor)) {
                objectType = cursor.word();
                if (objectType.equals("EXTERNAL") || objectType.equals("COPY")) {
                    objectType += " " + cursor.word();
                }
            }
            while (!cursor.atEnd() && !cursor.is("to") && !cursor.is("from")) {
                objects.add(cursor.qualifiedName());
                if (cursor.isSymbol("(")) {
                    cursor.skipParenthesised();
                }
                if (!cursor.acceptSymbol(",")) {
                    break;
                }
            }
        }
        List<String> grantees = new ArrayList<>();
        if (cursor.accept("to") || cursor.accept("from")) {
            do {
                String prefix = cursor.accept("group") ? "group " : cursor.accept("role") ? "role " : "";
                grantees.add(prefix + cursor.identifier());
            } while (cursor.acceptSymbol(","));
            // WITH GRANT OPTION, FOR COPY / UNLOAD / ALL, CASCADE, RESTRICT follow the grantees.
        }
        result.grant = new Grant(revoke, List.copyOf(privileges), objectType, List.copyOf(objects),
                List.copyOf(grantees), result.statement);
    }

    private static boolean isObjectTypeWord(TokenCursor cursor) {
        Token t = cursor.peek();
        Token next = cursor.peek(1);
        // A type word is followed by the object's name, not by a dot, comma or TO.
        return t != null && t.type() == TokenType.WORD && next != null && next.isIdentifier()
                && !next.is("to") && !next.is("from");
    }

    private static void comment(TokenCursor cursor, Builder result) {
        cursor.expect("comment");
        cursor.expect("on");
        result.kind = StatementKind.COMMENT;
        String type = cursor.word();
        if (type.equals("MATERIALIZED")) {
            type += " " + cursor.word();
        }
        ObjectName object;
        if (type.equals("CONSTRAINT")) {
            cursor.identifier();
            cursor.expect("on");
            object = cursor.qualifiedName();
        } else if (type.equals("COLUMN")) {
            // schema.table.column: the model keeps table.column.
            List<String> parts = new ArrayList<>();
            parts.add(cursor.identifier());
            while (cursor.acceptSymbol(".")) {
                parts.add(cursor.identifier());
            }
            String column = parts.remove(parts.size() - 1);
            String table = String.join(".", parts);
            object = new ObjectName(table, column);
        } else {
            object = cursor.qualifiedName();
            if (cursor.isSymbol("(")) {
                cursor.skipParenthesised();
            }
        }
        cursor.expect("is");
        Token text = cursor.next();
        if (!text.is("null") && text.type() != TokenType.STRING && text.type() != TokenType.DOLLAR_STRING) {
            throw new TokenCursor.SyntaxError("Expected a string or NULL after IS", text.offset());
        }
        result.target = object;
        result.comment = new Comment(type, object, text.is("null") ? null : text.stringValue(), result.statement);
    }

    /** Collects what the parse found, then makes the immutable {@link ParsedStatement}. */
    private static final class Builder {
        final SqlStatement statement;
        StatementKind kind = StatementKind.UNKNOWN;
        ObjectName target;
        SchemaObject definition;
        AlterTable alter;
        Drop drop;
        Grant grant;
        Comment comment;
        final List<ObjectName> references = new ArrayList<>();
        final List<SqlProblem> problems = new ArrayList<>();
        Spans spans = Spans.NONE;

        Builder(SqlStatement statement) {
            this.statement = statement;
        }

        void define(SchemaObject object) {
            definition = object;
            target = object.name();
        }

        String describe() {
            return kind == StatementKind.UNKNOWN ? "statement"
                    : kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " statement";
        }

        ParsedStatement build() {
            return new ParsedStatement(statement, kind, target, definition, alter, drop, grant, comment,
                    Set.copyOf(references), List.copyOf(problems), List.of(), spans);
        }
    }
}
