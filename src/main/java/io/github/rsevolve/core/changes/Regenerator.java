package io.github.rsevolve.core.changes;

import static io.github.rsevolve.core.finding.RedshiftException.Code.REGENERATE;

import io.github.rsevolve.core.catalog.CatalogDiffer.Drift;
import io.github.rsevolve.core.catalog.CatalogKey;
import io.github.rsevolve.core.catalog.CatalogReader;
import io.github.rsevolve.core.catalog.CatalogSnapshot;
import io.github.rsevolve.core.finding.RedshiftException;
import io.github.rsevolve.core.graph.DependencyGraph;
import io.github.rsevolve.core.graph.RelationGraph;
import io.github.rsevolve.core.migrate.Migrator;
import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.Grant;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.model.View;
import io.github.rsevolve.core.parse.AlterTable;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.parse.StatementKind;
import io.github.rsevolve.core.project.Changeset;
import io.github.rsevolve.core.project.Project;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the changesets that change objects other views depend on: the dependents are dropped in reverse
 * dependency order (never CASCADE), the change is applied, and the dependents are created again from the absolute
 * model in dependency order, with their grants, comments and owners. Also writes the safe deep copy of a table.
 */
public final class Regenerator {

    private final Project project;
    private final List<ParsedStatement> absolute;
    private final DependencyGraph<ParsedStatement> graph;
    /** The environment whose own views and dependencies join the model's, or null. */
    private final String environment;
    /** The relations the environment has and the absolute model lacks. */
    private final List<CatalogKey> onlyOnEnvironment;

    public Regenerator(Project project) {
        this.project = project;
        this.absolute = project.absolute().stream().flatMap(s -> s.statements().stream()).toList();
        this.graph = RelationGraph.of(absolute);
        this.environment = null;
        this.onlyOnEnvironment = List.of();
    }

    /**
     * The model's graph with what the environment adds: its views the model lacks (created again from their
     * definitions there) and what each of its bound views reads there (pg_depend), so that a view that exists only
     * on the cluster, or reads more there, is dropped before the change and created again after it.
     *
     * @param current what the environment's catalog says
     * @param bound   what each bound view of the environment reads there
     */
    Regenerator(Project project, String environment, CatalogSnapshot current,
                Map<ObjectName, Set<ObjectName>> bound) {
        this.project = project;
        this.absolute = project.absolute().stream().flatMap(s -> s.statements().stream()).toList();
        DependencyGraph<ParsedStatement> model = RelationGraph.of(absolute);
        this.environment = environment;
        this.onlyOnEnvironment = current.objects().keySet().stream().filter(k -> k.kind().isRelation())
                .filter(k -> !model.contains(k.object())).toList();
        List<ObjectName> views = onlyOnEnvironment.stream().filter(k -> k.kind() != CatalogKey.Kind.TABLE)
                .map(CatalogKey::object).toList();
        List<ParsedStatement> all = new ArrayList<>(absolute);
        all.addAll(EnvironmentViews.statements(current, views, "environment " + environment));
        this.graph = RelationGraph.of(all);
        bound.forEach((view, reads) -> {
            if (graph.contains(view)) {
                graph.dependsOn(view, reads);
            }
        });
    }

    /** The model with the environment's views and dependencies, read through the migrator's connection. */
    public static Regenerator withEnvironment(Project project, Migrator environment) {
        return environment.withConnection("read the views and what they read", connection -> new Regenerator(
                project, environment.environment().name(),
                CatalogReader.read(connection, environment.environment().historyTable()),
                CatalogReader.viewDependencies(connection)));
    }

    /** The tables and views the environment has and the absolute model lacks. */
    public List<CatalogKey> onlyOnEnvironment() {
        return onlyOnEnvironment;
    }

    DependencyGraph<ParsedStatement> graph() {
        return graph;
    }

    /** The absolute model's statements, in file order. */
    List<ParsedStatement> absolute() {
        return absolute;
    }

    /**
     * The changeset for changed objects.
     *
     * @param change the author's change (SQL), or null for a marked place where it goes
     */
    public Regeneration regenerate(List<ObjectName> objects, String change) {
        Set<ObjectName> changed = resolve(objects);
        Set<ObjectName> recreated = new LinkedHashSet<>();
        changed.stream().filter(this::isView).forEach(recreated::add);
        recreated.addAll(viewDependents(changed));
        List<ObjectName> createOrder = order(recreated);
        StringBuilder sql = new StringBuilder();
        String names = changed.stream().map(ObjectName::toString).collect(Collectors.joining(", "));
        sql.append("-- Generated by redshift:regenerate for ").append(names).append(".\n")
                .append("-- Drops the ").append(recreated.size()).append(" view(s) to recreate in reverse dependency ")
                .append("order (never CASCADE), applies the change,\n")
                .append("-- and creates them again from the absolute model, with their grants and comments.\n\n");
        drops(sql, createOrder);
        List<ObjectName> tables = changed.stream().filter(n -> !isView(n)).toList();
        if (!tables.isEmpty()) {
            if (change == null) {
                sql.append("-- >>> The change to ").append(tables.stream().map(ObjectName::toString)
                        .collect(Collectors.joining(", "))).append(" goes here. <<<\n\n");
            } else {
                sql.append(change.strip()).append("\n\n");
            }
        }
        createsAndExtras(sql, createOrder, createOrder);
        String description = "regenerate_" + changed.iterator().next().toString().replace('.', '_')
                + (changed.size() > 1 ? "_and_" + (changed.size() - 1) + "_more" : "");
        return new Regeneration(NextChangeset.fileName(NextChangeset.version(project.changesets()), description),
                sql.toString(), changed, recreated, graph);
    }

    /**
     * The safe deep copy of a table to its absolute definition: the rename takes the table's exclusive lock as the
     * first statement that touches it, so no write lands in the old table between the copy and the drop.
     */
    public Regeneration deepCopy(ObjectName name) {
        ObjectName table = resolve(List.of(name)).iterator().next();
        List<String> current = ChangesetTables.of(project.changesets()).columns(table);
        if (current == null) {
            throw new RedshiftException(REGENERATE, "No changeset creates " + table
                    + ", so there is nothing to copy; a new "
                    + "table needs a plain CREATE TABLE changeset.");
        }
        Table model = copyableTable(table);
        Set<ObjectName> recreated = viewDependents(Set.of(table));
        List<ObjectName> createOrder = order(recreated);
        StringBuilder sql = new StringBuilder();
        sql.append("-- Deep copy of ").append(table).append(" to its absolute definition, generated by ")
                .append("redshift:regenerate.\n")
                .append("-- One table per changeset. The rename below is the first statement that touches ")
                .append(table).append(":\n")
                .append("-- it holds the table's exclusive lock until this changeset commits, so no write is lost.\n");
        inPlaceAlternative(sql, model, table);
        sql.append('\n');
        drops(sql, createOrder);
        deepCopyStatements(table, model, current, Map.of()).forEach(s -> sql.append(s).append(s.startsWith("--") ? "\n"
                : ";\n\n"));
        List<ObjectName> withTable = new ArrayList<>(createOrder);
        withTable.add(0, table);
        createsAndExtras(sql, createOrder, withTable);
        return new Regeneration(NextChangeset.fileName(NextChangeset.version(project.changesets()),
                "deep_copy_" + table.toString().replace('.', '_')), sql.toString(), Set.of(table), recreated, graph);
    }

    /** The name a deep copy renames the table to while it copies; the model must not have it. */
    public static ObjectName deepCopyOldName(ObjectName table) {
        return new ObjectName(table.schema(), table.name() + "_old");
    }

    /** The table's absolute definition, which a deep copy recreates; an error when it has no column list. */
    Table copyableTable(ObjectName table) {
        ParsedStatement definition = graph.get(table);
        if (!(definition.definition() instanceof Table model) || model.createdAs() || model.external()) {
            throw new RedshiftException(REGENERATE, table
                    + " is not a table with a column list in the absolute model; a "
                    + "deep copy recreates a table from its CREATE TABLE.");
        }
        if (graph.contains(deepCopyOldName(table))) {
            throw new RedshiftException(REGENERATE, "The model already has a table " + table.schema() + "."
                    + table.name()
                    + "_old, the name the deep copy renames " + table + " to; rename that table first.");
        }
        return model;
    }

    /**
     * The deep copy itself, each statement without its semicolon, and notes as comment lines: rename to _old,
     * CREATE from the absolute model, INSERT of the columns both have, DROP of the old table.
     *
     * @param model   the table's absolute definition, from {@link #copyableTable}
     * @param current the table's columns now, in order
     * @param casts   column to the type it is cast to while copied, for columns whose type changes
     */
    List<String> deepCopyStatements(ObjectName table, Table model, List<String> current, Map<String, String> casts) {
        ObjectName oldTable = deepCopyOldName(table);
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TABLE " + table.toSql() + " RENAME TO " + new ObjectName(null, oldTable.name()).toSql());
        statements.add(graph.get(table).statement().text());
        List<String> targets = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column column : model.columns()) {
            String quoted = new ObjectName(null, column.name()).toSql();
            if (!current.contains(column.name())) {
                statements.add("-- " + column.name() + " is new: it takes its default.");
            } else if (column.identity() != null && !column.identity().generatedByDefault()) {
                // Redshift takes no explicit values for an IDENTITY column (docs: CREATE TABLE, IDENTITY).
                statements.add("-- " + column.name() + " is an IDENTITY column: Redshift generates new values for it.");
            } else {
                targets.add(quoted);
                values.add(casts.containsKey(column.name()) ? "CAST(" + quoted + " AS " + casts.get(column.name())
                        + ")" : quoted);
            }
        }
        current.stream().filter(c -> model.column(c) == null)
                .forEach(c -> statements.add("-- " + c + " is not in the absolute definition: its data is dropped."));
        statements.add("INSERT INTO " + table.toSql() + " (" + String.join(", ", targets) + ")\nSELECT "
                + String.join(", ", values) + " FROM " + oldTable.toSql());
        statements.add("DROP TABLE " + oldTable.toSql());
        return statements;
    }

    /**
     * The tables and views whose absolute definitions differ from what the changesets build, from validate's drift:
     * a changed view, or a table with a changed column or attribute.
     */
    public List<ObjectName> objectsWithDrift(List<Drift> drift) {
        Set<ObjectName> objects = new LinkedHashSet<>();
        for (Drift difference : drift) {
            ObjectName object = difference.object().object();
            ObjectName resolved = object == null ? null : graph.resolve(object);
            if (resolved != null) {
                objects.add(resolved);
            }
        }
        return List.copyOf(objects);
    }

    /** When only distribution, sort keys or encodings change, Redshift can alter the table in place. */
    private static void inPlaceAlternative(StringBuilder sql, Table model, ObjectName table) {
        List<String> alters = new ArrayList<>();
        if (model.physical().distKey() != null) {
            alters.add("ALTER TABLE " + table.toSql() + " ALTER DISTSTYLE KEY DISTKEY " + model.physical().distKey());
        } else if (model.physical().distStyle() != null) {
            alters.add("ALTER TABLE " + table.toSql() + " ALTER DISTSTYLE " + model.physical().distStyle());
        }
        if (!model.physical().sortKeys().isEmpty() && !"INTERLEAVED".equals(model.physical().sortStyle())) {
            alters.add("ALTER TABLE " + table.toSql() + " ALTER COMPOUND SORTKEY (" + String.join(", ",
                    model.physical().sortKeys()) + ")");
        }
        model.columns().stream().filter(c -> c.encoding() != null).forEach(c -> alters.add("ALTER TABLE "
                + table.toSql() + " ALTER COLUMN " + c.name() + " ENCODE " + c.encoding()));
        if (alters.isEmpty()) {
            return;
        }
        sql.append("--\n-- If only distribution, sort keys or encodings change, Redshift can alter the table in place ")
                .append("instead\n-- (docs: ALTER TABLE; not with an INTERLEAVED sort key, not while VACUUM runs ")
                .append("on the table),\n-- in a changeset of its own as the data is reorganised in the background:\n");
        alters.forEach(a -> sql.append("--   ").append(a).append(";\n"));
    }

    private void drops(StringBuilder sql, List<ObjectName> createOrder) {
        for (int i = createOrder.size() - 1; i >= 0; i--) {
            ObjectName view = createOrder.get(i);
            boolean materialized = ((View) graph.get(view).definition()).materialized();
            sql.append("DROP ").append(materialized ? "MATERIALIZED VIEW " : "VIEW ").append(view.toSql())
                    .append(";\n");
        }
        if (!createOrder.isEmpty()) {
            sql.append('\n');
        }
    }

    /** The CREATE statements, then the grants, comments and owners of 'extrasFor'. */
    private void createsAndExtras(StringBuilder sql, List<ObjectName> createOrder, List<ObjectName> extrasFor) {
        for (ObjectName view : createOrder) {
            if (onlyOnEnvironment.stream().anyMatch(k -> k.object().equals(view))) {
                sql.append("-- ").append(view).append(" is not in the absolute model: created again as environment ")
                        .append(environment).append(" defines it. Its grants there are not recreated; add the view "
                        + "to the absolute model, or grant them here.\n");
            }
            sql.append(graph.get(view).statement().text()).append(";\n\n");
        }
        extras(extrasFor).forEach(extra -> sql.append(extra.statement().text()).append(";\n"));
    }

    /** The absolute model's grants, comments and owners of the objects, in the model's order. */
    List<ParsedStatement> extras(Collection<ObjectName> objects) {
        Set<ObjectName> targets = new LinkedHashSet<>(objects);
        Set<String> schemas = targets.stream().map(ObjectName::schema).collect(Collectors.toSet());
        return absolute.stream().filter(s -> isExtraFor(s, targets, schemas)).toList();
    }

    /** Grants, comments and owners that belong to the objects: Redshift drops them with the object. */
    private boolean isExtraFor(ParsedStatement statement, Set<ObjectName> targets, Set<String> schemas) {
        Grant grant = statement.grant();
        if (grant != null && !grant.revoke()) {
            if (grant.objectType().startsWith("ALL ")) {
                // GRANT ... ON ALL TABLES IN SCHEMA covers only the objects that exist when it runs.
                return grant.objects().stream().anyMatch(s -> schemas.contains(s.name()));
            }
            return grant.objects().stream().map(graph::resolve).anyMatch(targets::contains);
        }
        if (statement.comment() != null) {
            ObjectName object = statement.comment().objectType().equals("COLUMN")
                    ? ObjectName.parse(statement.comment().object().schema()) : statement.comment().object();
            return targets.contains(graph.resolve(object));
        }
        return statement.kind() == StatementKind.ALTER_TABLE && statement.alter().has(AlterTable.ActionType.OWNER)
                && targets.contains(graph.resolve(statement.target()));
    }

    /**
     * Views and materialized views that read the objects, directly or through other views. Late-binding views are
     * left alone: Redshift resolves them when they are queried, so the objects they read can change under them
     * (docs: CREATE VIEW, late-binding views), and nothing bound to them is affected either.
     */
    Set<ObjectName> viewDependents(Collection<ObjectName> objects) {
        return graph.transitiveDependents(objects, name -> isView(name)
                && !((View) graph.get(name).definition()).lateBinding());
    }

    boolean isView(ObjectName name) {
        ParsedStatement statement = graph.get(name);
        return statement != null && statement.definition() instanceof View;
    }

    List<ObjectName> order(Set<ObjectName> views) {
        DependencyGraph.Ordering ordering = graph.ordered(views);
        if (!ordering.cycle().isEmpty()) {
            throw new RedshiftException(REGENERATE,
                    "These views depend on each other in a cycle, so no order can create "
                    + "them: " + ordering.cycle().stream().map(ObjectName::toString).collect(Collectors.joining(", "))
                    + ". Break the cycle in the absolute model.");
        }
        return ordering.order();
    }

    /** The graph's names for the user's names; an unknown name is an error with the closest known names. */
    private Set<ObjectName> resolve(List<ObjectName> objects) {
        if (objects.isEmpty()) {
            throw new RedshiftException(REGENERATE,
                    "Name the objects to regenerate: -Dredshift.objects=schema.table,...");
        }
        Set<ObjectName> resolved = new LinkedHashSet<>();
        for (ObjectName object : objects) {
            ObjectName found = graph.resolve(object);
            if (found == null) {
                throw new RedshiftException(REGENERATE, unknown(object));
            }
            resolved.add(found);
        }
        return resolved;
    }

    private String unknown(ObjectName object) {
        boolean inChangesets = project.changesets().stream().map(Changeset::script)
                .flatMap(s -> s.statements().stream())
                .anyMatch(s -> s.definition() != null && DependencyGraph.key(s.target())
                        .equals(DependencyGraph.key(object)));
        if (inChangesets) {
            return object + " is created by the changesets but has no definition in the absolute model; add its "
                    + "CREATE statement to the absolute model first, since regenerate recreates objects from there.";
        }
        List<String> close = graph.names().stream()
                .sorted(Comparator.comparingInt(n -> distance(n.toString(), DependencyGraph.key(object).toString())))
                .limit(3).map(ObjectName::toString).toList();
        return "There is no table or view " + object + " in the absolute model"
                + (close.isEmpty() ? "." : "; did you mean " + String.join(", ", close) + "?");
    }

    /** Levenshtein distance, for suggestions. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
