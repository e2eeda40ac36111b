package io.github.rsevolve.core.translate;

import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.sql.SqlStatement;
import io.github.rsevolve.core.sql.SqlText;
import io.github.rsevolve.core.sql.Token;
import io.github.rsevolve.core.sql.TokenType;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites Redshift expressions and queries into PostgreSQL at token level, keeping the author's text and layout
 * everywhere else. What a compatibility function cannot express is rewritten here.
 */
final class QueryRewriter {

    /** Functions whose first argument is a bare datepart word (docs: Datetime functions, Dateparts). */
    private static final Set<String> DATEPART_FUNCTIONS = Set.of("dateadd", "datediff", "date_part", "datepart",
            "pgdate_part", "date_trunc");

    /** Redshift types in casts, mapped as in {@link TypeMapper}. */
    private static final Map<String, String> CAST_TYPES = Map.of("super", "jsonb", "varbyte", "bytea",
            "varbinary", "bytea", "binary varying", "bytea", "geometry", "bytea", "geography", "bytea",
            "hllsketch", "text");

    private static final Pattern DATE_LITERAL = Pattern.compile("'\\d{4}-\\d{2}-\\d{2}'");
    /** What ends a QUALIFY condition at its query's depth. */
    private static final Set<String> QUALIFY_ENDS = Set.of("order", "limit", "offset", "union", "intersect",
            "except", "minus", "window");
    /** Words after which an expression starts. */
    private static final Set<String> LOOSE_WORDS = Set.of("select", "where", "and", "or", "when", "then", "else",
            "between", "on", "by", "in", "is", "not", "return", "values", "set", "having");

    private final List<Token> tokens;
    private final String source;
    private final int to;
    private final Map<Integer, String> limits;
    /** Text to write before the token at an index (or at 'to'), ahead of a LIMIT there: QUALIFY's ORDER BY. */
    private final Map<Integer, String> insertions = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private int pos;

    private QueryRewriter(List<Token> tokens, String source, int from, int to) {
        this.tokens = tokens;
        this.source = source;
        this.pos = from;
        this.to = to;
        this.limits = limits(tokens, from, to);
    }

    /**
     * SELECT TOP n is SELECT ... LIMIT n (docs: SELECT, TOP clause): for each TOP, the index of the token its LIMIT
     * goes before, which is the ')' closing its subquery, or 'to' for the outermost query.
     */
    private static Map<Integer, String> limits(List<Token> tokens, int from, int to) {
        Map<Integer, String> limits = new HashMap<>();
        Deque<Integer> opens = new ArrayDeque<>();
        Map<Integer, Integer> closeOf = new HashMap<>();
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isSymbol("(")) {
                opens.push(i);
            } else if (tokens.get(i).isSymbol(")") && !opens.isEmpty()) {
                closeOf.put(opens.pop(), i);
            }
        }
        Deque<Integer> enclosing = new ArrayDeque<>();
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                enclosing.push(i);
            } else if (token.isSymbol(")") && !enclosing.isEmpty()) {
                enclosing.pop();
            } else if (isTop(tokens, i)) {
                Integer open = enclosing.peek();
                int before = open == null ? to : closeOf.getOrDefault(open, to);
                limits.put(before, tokens.get(i + 1).text());
            }
        }
        return limits;
    }

    /** The tokens [from, to) of the statement, rewritten for PostgreSQL. */
    static String rewrite(SqlStatement statement, int from, int to) {
        return rewrite(statement.tokens(), statement.file().text(), from, to);
    }

    /** An expression on its own, such as a column's DEFAULT, rewritten for PostgreSQL. */
    static String rewriteExpression(String expression) {
        List<SqlStatement> split = SqlSplitter.split(SourceFile.of(Path.of("expression.sql"), "expression",
                expression)).statements();
        if (split.isEmpty()) {
            return expression;
        }
        SqlStatement statement = split.get(0);
        return rewrite(statement, 0, statement.tokens().size());
    }

    /** TOP n right after SELECT or SELECT DISTINCT. */
    private static boolean isTop(List<Token> tokens, int i) {
        if (!tokens.get(i).is("top") || i + 1 >= tokens.size()
                || tokens.get(i + 1).type() != TokenType.NUMBER || i == 0) {
            return false;
        }
        Token before = tokens.get(i - 1);
        return before.is("select") || before.is("distinct") && i >= 2 && tokens.get(i - 2).is("select");
    }

    private static String rewrite(List<Token> tokens, String source, int from, int to) {
        if (from >= to) {
            return "";
        }
        QueryRewriter rewriter = new QueryRewriter(tokens, source, from, to);
        rewriter.run();
        String limit = rewriter.limits.get(to);
        String tail = rewriter.insertions.getOrDefault(to, "") + (limit == null ? "" : " LIMIT " + limit);
        return rewriter.out + tail;
    }

    private void run() {
        while (pos < to) {
            Token token = tokens.get(pos);
            String word = token.type() == TokenType.WORD ? token.text().toLowerCase(Locale.ROOT) : "";
            Token next = pos + 1 < to ? tokens.get(pos + 1) : null;
            boolean call = next != null && next.isSymbol("(");
            if (insertions.containsKey(pos)) {
                out.append(insertions.get(pos));
            }
            if (limits.containsKey(pos)) {
                out.append(" LIMIT ").append(limits.get(pos));
            }
            if (token.isSymbol("(") && next != null && next.isSymbol("+") && pos + 2 < to
                    && tokens.get(pos + 2).isSymbol(")")) {
                // a.id = b.id(+), Oracle's outer join in WHERE (docs: Oracle-style outer joins in the WHERE
                // clause): what it reads and its types are those of the inner join; the rows differ, which a
                // schema check does not see.
                skip();
                skip();
                skip();
            } else if (word.equals("qualify") && isQualifyClause(pos)) {
                qualify();
            } else if (isTop(tokens, pos)) {
                // TOP n is left out here; its LIMIT n is written where the query ends (see limits).
                skip();
                skip();
            } else if (word.equals("pg_catalog") && isEmulatedCatalogName(pos + 2) && next.isSymbol(".")) {
                // pg_catalog.PG_TABLE_DEF, pg_catalog.pg_class: Redshift's catalog as the stand-in emulates it.
                emit(RedshiftToPostgresTranslator.COMPAT_SCHEMA);
            } else if (RedshiftCatalog.shadows(word) && !previousIs(".") && !call
                    && (next == null || !next.isSymbol("."))) {
                emit(RedshiftToPostgresTranslator.COMPAT_SCHEMA + "." + token.text());
            } else if (word.equals("trim") && call && isPlainTrim(pos + 1)) {
                trim();
            } else if (word.equals("convert") && call) {
                convert();
            } else if (word.equals("sysdate")) {
                // SYSDATE: the start of the current transaction, without time zone (docs: SYSDATE).
                emit("localtimestamp");
            } else if (word.equals("approximate") && next != null
                    && (next.is("count") || next.is("percentile_disc"))) {
                // APPROXIMATE COUNT(DISTINCT ...) is an estimate of the exact count: the exact one has the same type.
                skip();
            } else if (word.equals("nvl") && call) {
                // NVL(a, b, ...) is COALESCE (docs: NVL and COALESCE functions).
                emit("coalesce");
            } else if (DATEPART_FUNCTIONS.contains(word) && call) {
                emit(token.text());
                quoteDatepart();
            } else if (word.equals("listagg") && call) {
                listagg();
            } else if (word.equals("median") && call) {
                median();
            } else if ((word.equals("percentile_cont") || word.equals("percentile_disc")) && call
                    && isWindowedOrderedSet(closing(pos + 1) + 1)) {
                percentileOver();
            } else if (word.equals("decode") && call) {
                decode();
            } else if (isDateOperand(pos)) {
                // '2050-01-01' - n: Redshift reads a date literal before + or - as the DATE it is (docs: Datetime
                // types, date arithmetic), PostgreSQL as the other operand's type (a BIGINT n fails to parse it).
                emit(token.text() + "::date");
            } else if (token.type() == TokenType.QUOTED_IDENTIFIER) {
                // Redshift folds quoted identifiers to lower case too, unless enable_case_sensitive_identifier is
                // on (docs: Names and identifiers); PostgreSQL keeps their case.
                emit(token.text().toLowerCase(Locale.ROOT));
            } else if (word.startsWith("#")) {
                // A #temp table name: PostgreSQL identifiers cannot start with #, so it is quoted.
                emit("\"" + token.text().toLowerCase(Locale.ROOT) + "\"");
            } else if (word.equals("max") && previousIs("(") && pos >= 2 && isVarcharType(tokens.get(pos - 2))) {
                // VARCHAR(MAX) is VARCHAR(65535) (docs: Character types).
                emit("65535");
            } else if (pos > 0 && tokens.get(pos - 1).isSymbol("::") && CAST_TYPES.containsKey(word)) {
                emit(CAST_TYPES.get(word));
            } else {
                emit(token.text());
            }
        }
    }

    /**
     * A 'YYYY-MM-DD' literal on the left of + or - with a number or name on the right, which is no operand of a
     * tighter operator or of a typed literal (DATE '...') on its left.
     */
    private boolean isDateOperand(int i) {
        Token token = tokens.get(i);
        if (token.type() != TokenType.STRING || !DATE_LITERAL.matcher(token.text()).matches() || i + 2 >= to
                || !tokens.get(i + 1).isSymbol("-") && !tokens.get(i + 1).isSymbol("+")) {
            return false;
        }
        Token right = tokens.get(i + 2);
        Token left = i > 0 ? tokens.get(i - 1) : null;
        boolean rightIsNumber = right.type() == TokenType.NUMBER || right.isSymbol("(")
                || right.type() == TokenType.WORD && !right.is("interval")
                || right.type() == TokenType.QUOTED_IDENTIFIER;
        boolean leftIsLoose = left == null || left.isSymbol("(") || left.isSymbol(",") || left.isSymbol("=")
                || left.isSymbol("<") || left.isSymbol(">") || left.isSymbol("<=") || left.isSymbol(">=")
                || left.isSymbol("<>") || left.type() == TokenType.WORD && LOOSE_WORDS.contains(left.identifier());
        return rightIsNumber && leftIsLoose;
    }

    /** QUALIFY as a clause, not a name: not after AS or a dot, not before what follows a name. */
    private boolean isQualifyClause(int i) {
        Token next = i + 1 < to ? tokens.get(i + 1) : null;
        return i > 0 && !tokens.get(i - 1).is("as") && !tokens.get(i - 1).isSymbol(".") && next != null
                && !next.isSymbol(",") && !next.isSymbol(")") && !next.isSymbol(".") && !next.isSymbol("=")
                && !next.isSymbol(";");
    }

    /**
     * QUALIFY condition filters on window functions (docs: QUALIFY clause), which PostgreSQL lacks. The condition
     * is checked where PostgreSQL allows window functions, as the first ORDER BY key of its query,
     * CASE WHEN (condition) THEN 0 ELSE 1 END: same columns, types and references; the rows are not filtered, which
     * a schema check does not see.
     */
    private void qualify() {
        int[] depths = Token.depths(tokens);
        int depth = depths[pos];
        int end = pos + 1;
        while (end < to && depths[end] >= depth && !(depths[end] == depth && (tokens.get(end).isSymbol(";")
                || tokens.get(end).type() == TokenType.WORD && QUALIFY_ENDS.contains(tokens.get(end).identifier())))) {
            end++;
        }
        String key = "CASE WHEN (" + rewrite(tokens, source, pos + 1, end).trim() + ") THEN 0 ELSE 1 END";
        if (end + 1 < to && tokens.get(end).is("order") && tokens.get(end + 1).is("by")) {
            insertions.merge(end + 2, " " + key + ",", String::concat);
        } else {
            insertions.merge(end, " ORDER BY " + key, String::concat);
        }
        while (pos < end) {
            skip();
        }
    }

    /** Whether the token at i names an emulated catalog relation (not a function of that name). */
    private boolean isEmulatedCatalogName(int i) {
        return i < to && tokens.get(i).type() == TokenType.WORD && RedshiftCatalog.emulates(tokens.get(i).text())
                && (i + 1 >= to || !tokens.get(i + 1).isSymbol("("));
    }

    private static boolean isVarcharType(Token token) {
        return token.is("varchar") || token.is("varying") || token.is("nvarchar");
    }

    private boolean previousIs(String symbol) {
        return pos > 0 && tokens.get(pos - 1).isSymbol(symbol);
    }

    /** Appends the whitespace and comments before the current token, then the replacement; advances one token. */
    private void emit(String replacement) {
        separator();
        out.append(replacement);
        pos++;
    }

    private void skip() {
        separator();
        pos++;
    }

    private void separator() {
        if (out.length() > 0 && pos > 0) {
            out.append(source, tokens.get(pos - 1).end(), tokens.get(pos).offset());
        }
    }

    /** DATEADD(day, ...) has a bare word where PostgreSQL needs the text 'day'. */
    private void quoteDatepart() {
        emit("(");
        Token part = pos < to ? tokens.get(pos) : null;
        Token after = pos + 1 < to ? tokens.get(pos + 1) : null;
        if (part != null && part.type() == TokenType.WORD && after != null
                && (after.isSymbol(",") || after.isSymbol(")"))) {
            emit(SqlText.literal(part.text().toLowerCase(Locale.ROOT)));
        }
    }

    /** Index of the ')' that closes the '(' at 'open'. */
    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return to - 1;
    }

    /** Top-level comma positions between '(' at open and ')' at close. */
    private List<Integer> commas(int open, int close) {
        List<Integer> commas = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                commas.add(i);
            }
        }
        return commas;
    }

    /** Rewritten text of tokens [from, until). */
    private String text(int from, int until) {
        return rewrite(tokens, source, from, until);
    }

    /**
     * LISTAGG(expr [, delimiter]) [WITHIN GROUP (ORDER BY ...)] is string_agg(expr::text, delimiter [ORDER BY ...])
     * (docs: LISTAGG); the delimiter defaults to the empty string.
     */
    private void listagg() {
        int open = pos + 1;
        int close = closing(open);
        List<Integer> commas = commas(open, close);
        // Redshift converts a number or a date to VARCHAR here (docs: Type compatibility and conversion); with
        // DISTINCT, PostgreSQL needs the ORDER BY expression to be the argument itself, so it stays as written.
        int valueEnd = commas.isEmpty() ? close : commas.get(0);
        String value = text(open + 1, valueEnd).trim();
        String arguments = (tokens.get(open + 1).is("distinct") ? value : "(" + value + ")::text")
                + (commas.isEmpty() ? ", ''" : text(valueEnd, close));
        int end = close + 1;
        String orderBy = "";
        if (end + 3 < to && tokens.get(end).is("within") && tokens.get(end + 1).is("group")
                && tokens.get(end + 2).isSymbol("(")) {
            int groupClose = closing(end + 2);
            // LISTAGG ... OVER (...), the window function, orders by the OVER clause's ORDER BY only: PostgreSQL
            // takes no ORDER BY inside a window aggregate (docs: LISTAGG window function).
            boolean window = groupClose + 1 < to && tokens.get(groupClose + 1).is("over");
            orderBy = window ? "" : " " + text(end + 3, groupClose);
            end = groupClose + 1;
        }
        separator();
        out.append("string_agg(").append(arguments).append(orderBy).append(")");
        pos = end;
    }

    /** TRIM(expression), without BOTH, LEADING, TRAILING or FROM. */
    private boolean isPlainTrim(int open) {
        int close = closing(open);
        for (int i = open + 1; i < close; i++) {
            Token t = tokens.get(i);
            if (t.is("both") || t.is("leading") || t.is("trailing") || t.is("from")) {
                return false;
            }
        }
        return commas(open, close).isEmpty() && close > open + 1;
    }

    /**
     * TRIM(expression) of a number, a date or an OID: Redshift converts it to VARCHAR implicitly (docs: Type
     * compatibility and conversion, Implicit conversion types), PostgreSQL has no TRIM of it.
     */
    private void trim() {
        int open = pos + 1;
        int close = closing(open);
        separator();
        out.append(tokens.get(pos).text()).append("((").append(text(open + 1, close).trim()).append(")::text)");
        pos = close + 1;
    }

    /** CONVERT(type, expression) is CAST(expression AS type) (docs: CAST and CONVERT functions). */
    private void convert() {
        int open = pos + 1;
        int close = closing(open);
        List<Integer> commas = commas(open, close);
        if (commas.size() != 1) {
            emit(tokens.get(pos).text());
            return;
        }
        String type = TypeMapper.toPostgres(text(open + 1, commas.get(0)).trim().toLowerCase(Locale.ROOT));
        separator();
        out.append("CAST(").append(text(commas.get(0) + 1, close).trim()).append(" AS ").append(type).append(")");
        pos = close + 1;
    }

    /**
     * MEDIAN(expr) is PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY expr) (docs: MEDIAN); MEDIAN(expr) OVER (...) is
     * the compatibility aggregate, since an ordered-set aggregate takes no OVER (docs: MEDIAN window function).
     */
    private void median() {
        int open = pos + 1;
        int close = closing(open);
        if (close + 1 < to && tokens.get(close + 1).is("over")) {
            emit(RedshiftToPostgresTranslator.COMPAT_SCHEMA + ".median");
            return;
        }
        separator();
        out.append("percentile_cont(0.5) WITHIN GROUP (ORDER BY ").append(text(open + 1, close)).append(")");
        pos = close + 1;
    }

    /** Whether WITHIN GROUP (...) OVER follows at token i. */
    private boolean isWindowedOrderedSet(int i) {
        if (i + 3 >= to || !tokens.get(i).is("within") || !tokens.get(i + 1).is("group")
                || !tokens.get(i + 2).isSymbol("(")) {
            return false;
        }
        int groupClose = closing(i + 2);
        return groupClose + 1 < to && tokens.get(groupClose + 1).is("over");
    }

    /**
     * PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY expr) OVER (...) is the compatibility aggregate of (p, expr) over
     * the same window (docs: PERCENTILE_CONT window function, PERCENTILE_DISC window function).
     */
    private void percentileOver() {
        String function = tokens.get(pos).text().toLowerCase(Locale.ROOT);
        int open = pos + 1;
        int close = closing(open);
        int groupOpen = close + 3;
        int groupClose = closing(groupOpen);
        int orderBy = groupOpen + 1;
        int expression = orderBy + (orderBy + 1 < groupClose && tokens.get(orderBy).is("order")
                && tokens.get(orderBy + 1).is("by") ? 2 : 0);
        int expressionEnd = groupClose;
        if (expressionEnd - 1 > expression && (tokens.get(expressionEnd - 1).is("asc")
                || tokens.get(expressionEnd - 1).is("desc"))) {
            expressionEnd--;
        }
        separator();
        out.append(RedshiftToPostgresTranslator.COMPAT_SCHEMA).append('.').append(function).append("_over(")
                .append(text(open + 1, close).trim()).append(", ").append(text(expression, expressionEnd).trim())
                .append(")");
        pos = groupClose + 1;
    }

    /** DECODE(expr, search, result [, search, result]... [, default]) is a simple CASE (docs: DECODE). */
    private void decode() {
        int open = pos + 1;
        int close = closing(open);
        List<Integer> bounds = new ArrayList<>();
        bounds.add(open);
        bounds.addAll(commas(open, close));
        bounds.add(close);
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            arguments.add(text(bounds.get(i) + 1, bounds.get(i + 1)).trim());
        }
        StringBuilder result = new StringBuilder("CASE ").append(arguments.get(0));
        int i = 1;
        for (; i + 1 < arguments.size(); i += 2) {
            result.append(" WHEN ").append(arguments.get(i)).append(" THEN ").append(arguments.get(i + 1));
        }
        if (i < arguments.size()) {
            result.append(" ELSE ").append(arguments.get(i));
        }
        separator();
        out.append(result.append(" END"));
        pos = close + 1;
    }
}
