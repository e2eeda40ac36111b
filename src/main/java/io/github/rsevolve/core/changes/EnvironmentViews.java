package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.catalog.CatalogKey;
import io.github.rsevolve.core.catalog.CatalogKey.Kind;
import io.github.rsevolve.core.catalog.CatalogSnapshot;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.parse.ParseDepth;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.RedshiftParser;
import io.github.rsevolve.core.sql.SourceFile;
import io.github.rsevolve.core.sql.SqlSplitter;
import io.github.rsevolve.core.translate.RedshiftToPostgresTranslator;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An environment's views as the statements that would create them again, from the definitions its catalog prints,
 * so that they take part in a dependency graph as the model's views do (diff's drop order, regenerate's live
 * dependencies).
 */
final class EnvironmentViews {

    private EnvironmentViews() {
    }

    /** The kind of relation the catalog has under this name, or null. */
    static Kind kind(CatalogSnapshot catalog, ObjectName relation) {
        return Kind.RELATIONS.stream().filter(k -> catalog.properties(CatalogKey.relation(k, relation)) != null)
                .findFirst().orElse(null);
    }

    /**
     * The CREATE statement of each view or materialized view named, parsed for its references. Redshift prints a
     * late-binding or materialized view's whole CREATE statement where PostgreSQL prints only the query (the
     * amazon-redshift-utils view v_generate_view_ddl relies on it); either is read. The PostgreSQL stand-in's
     * compatibility schema is taken out of the text, as Redshift SQL names those functions unqualified.
     *
     * @param source the file name the statements are said to come from, in messages
     */
    static List<ParsedStatement> statements(CatalogSnapshot catalog, Collection<ObjectName> views, String source) {
        StringBuilder script = new StringBuilder();
        for (ObjectName view : views) {
            Kind kind = kind(catalog, view);
            Map<String, String> properties = catalog.properties(CatalogKey.relation(kind, view));
            String definition = properties.getOrDefault("definition", "SELECT 1").strip()
                    .replaceAll(";\\s*$", "").replace(RedshiftToPostgresTranslator.COMPAT_SCHEMA + ".", "");
            if (definition.toLowerCase(Locale.ROOT).startsWith("create")) {
                script.append(definition);
            } else {
                script.append("CREATE ").append(kind.word().toUpperCase(Locale.ROOT)).append(' ').append(view.toSql())
                        .append(kind == Kind.MATERIALIZED_VIEW && "YES".equals(properties.get("auto refresh"))
                                ? " AUTO REFRESH YES" : "")
                        .append(" AS ").append(definition)
                        .append("yes".equals(properties.get("late binding")) ? " WITH NO SCHEMA BINDING" : "");
            }
            script.append(";\n");
        }
        SourceFile file = SourceFile.of(Path.of(source), source, script.toString());
        try (RedshiftParser parser = new RedshiftParser(RedshiftParser.DEFAULT_TIMEOUT_MILLIS, ParseDepth.TOKENS)) {
            return parser.parseScript(SqlSplitter.split(file).statements());
        }
    }
}
