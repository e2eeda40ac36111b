package io.github.rsevolve.core.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redshift's system catalog as the PostgreSQL stand-in emulates it in the compatibility schema: PG_CLASS,
 * PG_ATTRIBUTE, PG_ATTRDEF, PG_CONSTRAINT, PG_DEFAULT_ACL, PG_LOCKS and PG_STAT_ACTIVITY with the columns Redshift
 * has and PostgreSQL lacks, PG_TABLE_DEF from the bookkeeping (redshift-catalog.sql), and the system tables and views
 * that log what ran as empty views of their documented columns (redshift-system-views.tsv, one row per column with
 * its Developer Guide page). A query over them is checked
 * like any other: a misspelt column or a type that does not fit fails as it fails on Redshift.
 */
public final class RedshiftCatalog {

    /** One emulated system view: its documented columns and types, and the page that documents them. */
    public record SystemView(String name, Map<String, String> columns, String documentation) {
    }

    private static final Pattern CREATED_VIEW = Pattern.compile("CREATE VIEW " + RedshiftToPostgresTranslator
            .COMPAT_SCHEMA + "\\.(\\w+)");

    private static final String CATALOG_SQL = resource("redshift-catalog.sql");

    private static final List<SystemView> SYSTEM_VIEWS = systemViews(resource("redshift-system-views.tsv"));

    /** The relations redshift-catalog.sql creates over PostgreSQL's catalog and the bookkeeping, lower case. */
    private static final List<String> COMPUTED = computed();

    /** Every relation name the compatibility schema emulates, lower case. */
    private static final Set<String> EMULATED = emulated();

    private static final List<String> STATEMENTS = statements();

    /** PostgreSQL catalog relations the emulation replaces: read through the compatibility schema even unqualified. */
    private static final Set<String> SHADOWED = Set.of("pg_class", "pg_attribute", "pg_attrdef", "pg_constraint",
            "pg_default_acl", "pg_locks", "pg_stat_activity");

    private RedshiftCatalog() {
    }

    /** The statements that create the emulated catalog, after the bookkeeping schema and the compatibility schema. */
    static List<String> setUp() {
        return STATEMENTS;
    }

    private static List<String> statements() {
        List<String> statements = new ArrayList<>(split(CATALOG_SQL));
        for (SystemView view : SYSTEM_VIEWS) {
            if (COMPUTED.contains(view.name())) {
                continue;
            }
            StringBuilder select = new StringBuilder();
            view.columns().forEach((column, type) -> select.append(select.length() == 0 ? "" : ", ").append("NULL::")
                    .append(TypeMapper.toPostgres(type)).append(" AS \"").append(column).append('"'));
            statements.add("CREATE VIEW " + RedshiftToPostgresTranslator.COMPAT_SCHEMA + "." + view.name()
                    + " AS SELECT " + select + " WHERE false");
        }
        return List.copyOf(statements);
    }

    /** The emulated system views that log what ran, for the generated docs. */
    public static List<SystemView> systemViews() {
        return SYSTEM_VIEWS;
    }

    /** The catalog relations emulated as views over PostgreSQL's catalog and the bookkeeping, lower case. */
    public static List<String> computedViews() {
        return COMPUTED;
    }

    /** Whether pg_catalog.{@code name} is read through the compatibility schema. */
    static boolean emulates(String name) {
        return EMULATED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether an unqualified {@code name} means a PostgreSQL catalog relation the emulation replaces. */
    static boolean shadows(String name) {
        return SHADOWED.contains(name.toLowerCase(Locale.ROOT));
    }

    private static List<String> computed() {
        Set<String> names = new TreeSet<>();
        Matcher created = CREATED_VIEW.matcher(CATALOG_SQL);
        while (created.find()) {
            names.add(created.group(1));
        }
        return List.copyOf(names);
    }

    private static Set<String> emulated() {
        Set<String> names = new TreeSet<>(COMPUTED);
        SYSTEM_VIEWS.forEach(view -> names.add(view.name()));
        return Set.copyOf(names);
    }

    static List<String> split(String script) {
        return Arrays.stream(script.split("\n--;\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** view, position, column, type, documentation page; a header line first. */
    private static List<SystemView> systemViews(String tsv) {
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        Map<String, String> pages = new LinkedHashMap<>();
        tsv.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t")).forEach(row -> {
            String view = row[0].toLowerCase(Locale.ROOT);
            columns.computeIfAbsent(view, v -> new LinkedHashMap<>()).put(row[2].toLowerCase(Locale.ROOT), row[3]);
            pages.putIfAbsent(view, row[4]);
        });
        return columns.entrySet().stream()
                .map(e -> new SystemView(e.getKey(), Collections.unmodifiableMap(e.getValue()),
                        pages.get(e.getKey()))).toList();
    }

    static String resource(String name) {
        try (InputStream in = RedshiftCatalog.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
