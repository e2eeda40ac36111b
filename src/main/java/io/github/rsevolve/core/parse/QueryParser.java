package io.github.rsevolve.core.parse;

import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.sql.SqlProblem;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.ParserKeywordsUtils;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Parses queries and DML with JSqlParser, bounded by a timeout (JSqlParser has inputs that take exponential time).
 * The bound is the parsing thread's own CPU time, not the wall clock: a busy machine slows the wall clock, not the
 * work one parse does, so the same input gives the same findings however loaded the build machine is.
 *
 * <p>JSqlParser does not see the source text itself but a same-length copy in which comments, line breaks and the
 * Redshift-only words it does not know are blanked. Same length means every JSqlParser column is an offset into the
 * source, so errors stay exactly located; no line breaks means JSqlParser's habit of ending a statement at a run of
 * blank lines can never truncate one.
 */
final class QueryParser {

    record Result(Statement statement, Set<ObjectName> references, SqlProblem problem) {
    }

    /**
     * Deeper input is not parsed at all: JSqlParser can take exponential time on it, and a timed-out JSqlParser thread
     * keeps running. Hand-written SQL does not nest parentheses this deep.
     */
    static final int MAX_NESTING_DEPTH = 100;

    private final ExecutorService executor;
    private final long timeoutMillis;

    QueryParser(ExecutorService executor, long timeoutMillis) {
        this.executor = executor;
        this.timeoutMillis = timeoutMillis;
    }

    /** Parses tokens [from, to) of the statement. */
    Result parse(SqlStatement source, int from, int to) {
        List<Token> tokens = source.tokens().subList(from, to);
        if (tokens.isEmpty()) {
            return new Result(null, Set.of(), problem(source, source.endOffset(), "The query is missing."));
        }
        int base = tokens.get(0).offset();
        char[] text = new char[tokens.get(tokens.size() - 1).end() - base];
        Arrays.fill(text, ' ');
        Set<String> tempTables = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (isBlankedForJsqlParser(tokens, i)) {
                continue;
            }
            String value = token.text();
            String alias = aliasFor(tokens, i);
            if (alias != null) {
                value = alias;
            } else if (token.type() == TokenType.WORD && value.startsWith("#")) {
                // Redshift's #temp tables: JSqlParser does not take '#', so it sees '_' and the name is mapped back.
                tempTables.add(value.substring(1).toLowerCase(Locale.ROOT));
                value = "_" + value.substring(1);
            }
            value.getChars(0, value.length(), text, token.offset() - base);
        }
        String parseText = new String(text);
        int depth = CCJSqlParserUtil.getNestingDepth(parseText);
        if (depth > MAX_NESTING_DEPTH) {
            return new Result(null, Set.of(), problem(source, base, "The statement nests parentheses " + depth
                    + " levels deep, over the " + MAX_NESTING_DEPTH + " the parser takes; it was not parsed."));
        }
        try {
            Parsed parsed;
            try {
                parsed = parsed(parseText, depth);
            } catch (JSQLParserException failed) {
                // JSqlParser 5.3 rejects a CAST inside a multi-argument call that ends a BETWEEN
                // (d BETWEEN x AND DATEADD(day, 30, CAST(y AS date))): a second try reads each CAST as its
                // operand, which keeps every reference where it stands.
                String withoutCasts = withoutCasts(tokens, base, parseText);
                if (withoutCasts.equals(parseText)) {
                    throw failed;
                }
                try {
                    parsed = parsed(withoutCasts, depth);
                } catch (JSQLParserException stillFailed) {
                    throw failed;
                }
            }
            Statement statement = parsed.statement();
            net.sf.jsqlparser.parser.Token rest = parsed.parser().getNextToken();
            if (rest != null && rest.kind != CCJSqlParserConstants.EOF && !";".equals(rest.image)) {
                return new Result(null, Set.of(), problem(source, base + offsetOf(parseText, rest),
                        "Cannot parse this statement: unexpected '" + rest.image + "'."));
            }
            return new Result(statement, references(statement, source, from, to, tempTables), null);
        } catch (JSQLParserException e) {
            return new Result(null, Set.of(), failure(source, base, parseText, e));
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(null, Set.of(), problem(source, base,
                    "Cannot parse this statement: the parser failed (" + e.getClass().getSimpleName() + ")."));
        }
    }

    /** A statement JSqlParser read, and the parser, which knows what follows it. */
    private record Parsed(CCJSqlParser parser, Statement statement) {
    }

    private Parsed parsed(String parseText, int depth) throws JSQLParserException {
        CCJSqlParser parser = newParser(parseText, false);
        try {
            return new Parsed(parser, parseBounded(parser));
        } catch (JSQLParserException simpleFailed) {
            // As CCJSqlParserUtil.parse does: complex parsing only for shallow nesting, where it cannot run away.
            // A timed-out JSqlParser thread does not stop, so deep input must never reach complex parsing.
            if (depth > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
                throw simpleFailed;
            }
            parser = newParser(parseText, true);
            return new Parsed(parser, parseBounded(parser));
        }
    }

    /**
     * The parse text with each CAST(operand AS type) read as its operand: CAST, its parentheses and the AS type
     * blanked, so every other character stays where it is (precedence may change; references and kinds do not).
     */
    private static String withoutCasts(List<Token> tokens, int base, String parseText) {
        char[] text = parseText.toCharArray();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("cast") || !tokens.get(i + 1).isSymbol("(")) {
                continue;
            }
            int depth = 0;
            int as = -1;
            int close = -1;
            for (int j = i + 1; j < tokens.size() && close < 0; j++) {
                Token token = tokens.get(j);
                depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
                if (depth == 1 && token.is("as")) {
                    as = j;
                } else if (depth == 0) {
                    close = j;
                }
            }
            if (as < 0 || close < 0) {
                continue;
            }
            Arrays.fill(text, tokens.get(i).offset() - base, tokens.get(i + 1).end() - base, ' ');
            Arrays.fill(text, tokens.get(as).offset() - base, tokens.get(close).end() - base, ' ');
        }
        return new String(text);
    }

    /** How often a running parse's CPU time is looked at. */
    private static final long POLL_MILLIS = 10;

    /** A parse the machine gives almost no CPU still ends after this many times its bound of wall time. */
    private static final long WALL_CLOCK_FACTOR = 30;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Runs the parser on the executor, bounded by its thread's CPU time; past the bound it is interrupted (the
     * generated parser looks at its flag) and reported as a time-out, as JSqlParser's own timed parse reports it.
     */
    private Statement parseBounded(CCJSqlParser parser) throws JSQLParserException {
        // The executor's threads are reused: CPU time counts from the start of this parse.
        AtomicLong cpuAtStart = new AtomicLong(-1);
        AtomicLong parsingThread = new AtomicLong(-1);
        Future<Statement> parse = executor.submit(() -> {
            cpuAtStart.set(THREADS.getCurrentThreadCpuTime());
            parsingThread.set(Thread.currentThread().getId());
            return parser.Statement();
        });
        long budget = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long started = System.nanoTime();
        // Where the JVM cannot measure a thread's CPU time, the wall clock is the bound, as before.
        boolean measuresCpu = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        try {
            while (true) {
                try {
                    return parse.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException pending) {
                    long wall = System.nanoTime() - started;
                    long thread = parsingThread.get();
                    long spent = !measuresCpu ? wall
                            : thread < 0 ? 0 : THREADS.getThreadCpuTime(thread) - cpuAtStart.get();
                    if (spent > budget || wall > budget * WALL_CLOCK_FACTOR) {
                        parser.interrupted = true;
                        parse.cancel(true);
                        throw new JSQLParserException("Time out occurred.", pending);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new JSQLParserException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parser.interrupted = true;
            throw new JSQLParserException(e);
        }
    }

    private CCJSqlParser newParser(String parseText, boolean complex) {
        return CCJSqlParserUtil.newParser(parseText)
                .withBackslashEscapeCharacter(true)
                .withAllowComplexParsing(complex);
    }

    private SqlProblem failure(SqlStatement source, int base, String parseText, JSQLParserException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof ParseException) && !(cause instanceof TimeoutException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return problem(source, base, "Cannot parse this statement within " + timeoutMillis
                    + " ms of CPU time; it was skipped (the parser has inputs that take very long).");
        }
        if (cause instanceof ParseException parseException && parseException.currentToken != null) {
            net.sf.jsqlparser.parser.Token bad = parseException.currentToken.next != null
                    ? parseException.currentToken.next : parseException.currentToken;
            String near = bad.kind == CCJSqlParserConstants.EOF ? "the end of the statement" : "'" + bad.image + "'";
            return problem(source, base + offsetOf(parseText, bad), "Cannot parse this statement near " + near + ".");
        }
        return problem(source, base, "Cannot parse this statement.");
    }

    /** The offset in the parse text of a JSqlParser token, from its 1-based line and column. */
    private static int offsetOf(String parseText, net.sf.jsqlparser.parser.Token token) {
        int offset = 0;
        for (int line = 1; line < token.beginLine; line++) {
            int lineBreak = parseText.indexOf('\n', offset);
            if (lineBreak < 0) {
                break;
            }
            offset = lineBreak + 1;
        }
        return Math.min(parseText.length(), offset + Math.max(0, token.beginColumn - 1));
    }

    /**
     * Tokens JSqlParser does not take and that do not change what a query reads: APPROXIMATE before COUNT or
     * PERCENTILE_DISC (Redshift's approximate aggregates), the AT index of PartiQL's FROM c.array AS x AT i, and the
     * [n] subscript of SUPER navigation such as orders[0].id (docs: Querying semistructured data).
     */
    private static boolean isBlankedForJsqlParser(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        Token previous = i > 0 ? tokens.get(i - 1) : null;
        if (token.is("approximate")) {
            return next != null && (next.is("count") || next.is("percentile_disc"));
        }
        if ((token.is("temp") || token.is("temporary") || token.is("table")) && previous != null
                && (previous.is("into") || previous.is("temp") || previous.is("temporary"))) {
            // SELECT ... INTO [TEMP] [TABLE] t: JSqlParser takes SELECT ... INTO t, which reads the same.
            return true;
        }
        if (token.is("at")) {
            return next != null && next.isIdentifier() && !next.is("time");
        }
        if (previous != null && previous.is("at") && token.isIdentifier() && !token.is("time")) {
            return isBlankedForJsqlParser(tokens, i - 1);
        }
        return isInSubscriptBeforeDot(tokens, i);
    }

    /** Whether the token is part of a [...] subscript that a '.' follows. */
    private static boolean isInSubscriptBeforeDot(List<Token> tokens, int i) {
        int open = i;
        while (open >= 0 && !tokens.get(open).isSymbol("[") && i - open < 8) {
            if (tokens.get(open).isSymbol("]") && open != i) {
                return false;
            }
            open--;
        }
        if (open < 1 || !tokens.get(open).isSymbol("[") || !tokens.get(open - 1).isIdentifier()
                && !tokens.get(open - 1).isSymbol("]")) {
            return false;
        }
        int close = i;
        while (close < tokens.size() && !tokens.get(close).isSymbol("]")) {
            close++;
        }
        int after = close + 1;
        while (after < tokens.size() && tokens.get(after).isSymbol("[")) {
            while (after < tokens.size() && !tokens.get(after).isSymbol("]")) {
                after++;
            }
            after++;
        }
        return after < tokens.size() && tokens.get(after).isSymbol(".");
    }

    /**
     * An alias that JSqlParser reserves but Redshift accepts (AS user, AS start, AS output): JSqlParser sees a
     * placeholder name of the same length instead. Alias names never change what a query reads.
     */
    private static String aliasFor(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        if (token.type() != TokenType.WORD || i == 0 || !tokens.get(i - 1).is("as")
                || !RESERVED_ALIASES.contains(token.text().toUpperCase(Locale.ROOT))) {
            return null;
        }
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (next != null && !next.isSymbol(",") && !next.isSymbol(")") && !next.is("from")) {
            return null;
        }
        return "a" + "_".repeat(token.text().length() - 1);
    }

    private static final Set<String> RESERVED_ALIASES =
            Set.copyOf(ParserKeywordsUtils.getReservedKeywords(ParserKeywordsUtils.RESTRICTED_ALIAS));

    private static Set<ObjectName> references(Statement statement, SqlStatement source, int from, int to,
                                              Set<String> tempTables) {
        Set<String> cteNames = TokenReferences.cteNames(source.tokens(), from, to);
        Set<ObjectName> references = new TreeSet<>();
        Set<String> found;
        try {
            found = new TablesNamesFinder<>().getTables(statement);
        } catch (RuntimeException e) {
            // TablesNamesFinder throws on a few statement types it does not visit; they reference nothing we check.
            return references;
        }
        for (String table : found) {
            if (isCrossDatabase(table)) {
                // database.schema.table reads another database (data sharing): not the model's to define.
                continue;
            }
            ObjectName name = ObjectName.parse(table);
            if (!name.isQualified() && cteNames.contains(name.name())) {
                continue;
            }
            if (!name.isQualified() && name.name().startsWith("_") && tempTables.contains(name.name().substring(1))) {
                name = new ObjectName(null, "#" + name.name().substring(1));
            }
            references.add(name);
        }
        return references;
    }

    /** Whether a dotted name has three parts, counting dots outside double quotes. */
    private static boolean isCrossDatabase(String name) {
        int dots = 0;
        boolean quoted = false;
        for (char c : name.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dots++;
            }
        }
        return dots >= 2;
    }

    private static SqlProblem problem(SqlStatement source, int offset, String message) {
        return new SqlProblem(SqlProblem.Kind.UNPARSED_STATEMENT, source.file(), offset, message,
                "Check the syntax against the Redshift SQL reference; if Redshift accepts it, suppress the finding"
                        + " with -- redshift:lint ignore unparsed-statement <reason>.");
    }
}
