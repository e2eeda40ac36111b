package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.catalog.CatalogDiffer.Drift;
import io.github.rsevolve.core.catalog.CatalogDiffer;
import io.github.rsevolve.core.catalog.CatalogKey.Kind;
import io.github.rsevolve.core.catalog.CatalogKey;
import io.github.rsevolve.core.catalog.CatalogReader;
import io.github.rsevolve.core.catalog.CatalogSnapshot;
import io.github.rsevolve.core.changes.DraftGroup.Phase;
import io.github.rsevolve.core.changes.DraftGroup.Step;
import io.github.rsevolve.core.graph.DependencyGraph;
import io.github.rsevolve.core.graph.RelationGraph;
import io.github.rsevolve.core.model.Grant;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Schema;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.parse.ParsedStatement;
import io.github.rsevolve.core.project.Project;
import io.github.rsevolve.core.sql.SqlText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Drafts the changesets that take a schema (the one the changesets build, or a live environment's) to the absolute
 * model, from the differences of their catalogs: new objects from the model's own statements, changed views
 * recreated with their dependents, tables altered in place where Redshift can and deep copied where it cannot,
 * grants and comments; steps that lose data only with allowDestructive.
 */
public final class ChangesetDrafter {

    /**
     * @param description      the changesets' description, e.g. "add discount"
     * @param allowDestructive write DROP TABLE / COLUMN / SCHEMA and REVOKE as statements, not comments
     * @param folder           the incremental folder as displayed, for the findings' locations
     * @param subject          what the draft changes, e.g. "the schema the changesets build"
     */
    public record Settings(String description, boolean allowDestructive, String folder, String subject) {
    }

    private final Project project;
    private final CatalogSnapshot model;
    private final CatalogSnapshot current;
    private final Settings settings;
    private final List<Drift> drift;
    private final Regenerator regenerator;
    private final DependencyGraph<ParsedStatement> graph;
    private final List<DraftGroup> prepare = new ArrayList<>();
    private final List<DraftGroup> finish = new ArrayList<>();
    /** Views to drop and create again, with why. */
    private final Map<ObjectName, String> recreated = new LinkedHashMap<>();
    private final Set<ObjectName> created = new LinkedHashSet<>();
    private final Set<ObjectName> deepCopied = new LinkedHashSet<>();
    private final Set<ObjectName> newTableNames = new LinkedHashSet<>();
    /** The model's statements the draft copies for new schemas, whose grants need no GRANT of their own. */
    private final List<ParsedStatement> schemaStatements = new ArrayList<>();

    private ChangesetDrafter(Project project, CatalogSnapshot model, CatalogSnapshot current, Settings settings) {
        this.project = project;
        this.model = model;
        this.current = current;
        this.settings = settings;
        this.drift = CatalogDiffer.diff(model, current);
        this.regenerator = new Regenerator(project);
        this.graph = regenerator.graph();
    }

    public static Draft draft(Project project, CatalogSnapshot model, CatalogSnapshot current, Settings settings) {
        return new ChangesetDrafter(project, model, current, settings).draft();
    }

    private Draft draft() {
        Map<ObjectName, List<Drift>> relations = new TreeMap<>();
        for (Drift difference : drift) {
            Kind kind = difference.object().kind();
            if (kind != Kind.SCHEMA && kind != Kind.GRANT) {
                relations.computeIfAbsent(difference.object().object(), k -> new ArrayList<>()).add(difference);
            }
        }
        List<DraftGroup> ownChangesets = new ArrayList<>();
        Set<ObjectName> affectedTables = new LinkedHashSet<>();
        List<ObjectName> goneTables = new ArrayList<>();
        Set<ObjectName> goneViews = new LinkedHashSet<>();
        List<ObjectName> newTables = new ArrayList<>();
        relations.forEach((key, differences) -> {
            Kind wanted = kind(model, key);
            Kind now = kind(current, key);
            if (now != null && now != wanted) {
                (now == Kind.TABLE ? goneTables : goneViews).add(key);
            }
            if (wanted == null) {
                return;
            }
            ObjectName name = resolve(key);
            if (wanted != now) {
                (wanted == Kind.TABLE && !isCreatedAs(name) ? newTables : created).add(name);
            } else if (wanted == Kind.TABLE) {
                TableChanges.Plan plan = TableChanges.plan(key, name, model, current, regenerator,
                        settings.allowDestructive());
                plan.groups().stream().filter(g -> g.phase() == Phase.PREPARE).forEach(prepare::add);
                plan.groups().stream().filter(g -> g.phase() == Phase.OWN_CHANGESET).forEach(ownChangesets::add);
                if (plan.deepCopy()) {
                    deepCopied.add(name);
                }
                if (plan.dependentsAffected()) {
                    affectedTables.add(name);
                }
            } else if (differences.stream().anyMatch(d -> !"comment".equals(d.property()))
                    || wanted == Kind.MATERIALIZED_VIEW) {
                // COMMENT ON has no MATERIALIZED VIEW form (docs: COMMENT), so a materialized view is recreated.
                recreated.put(name, "its definition or attributes change");
            }
        });
        recreateDependents(affectedTables);
        List<DraftGroup> groups = new ArrayList<>();
        dropViews(goneViews).ifPresent(groups::add);
        schemas(groups);
        if (!newTables.isEmpty()) {
            groups.add(new DraftGroup(Phase.PREPARE, "New tables.", graph.ordered(newTables).order().stream()
                    .map(t -> new Step("New table " + t + ".", graph.get(t).statement().text())).toList()));
            newTableNames.addAll(newTables);
        }
        groups.addAll(prepare);
        groups.addAll(ownChangesets);
        createViews().ifPresent(groups::add);
        Set<CatalogKey> covered = extras();
        grants(covered);
        comments();
        drops(goneTables);
        groups.addAll(finish);
        String version = NextChangeset.version(project.changesets());
        return new DraftWriter(settings.folder(), settings.description(), settings.subject(),
                settings.allowDestructive()).write(groups, version);
    }

    /** Whether the snapshot has the relation as a table, view or materialized view; null when it lacks it. */
    private static Kind kind(CatalogSnapshot snapshot, ObjectName relation) {
        return EnvironmentViews.kind(snapshot, relation);
    }

    private static String keyword(Kind kind) {
        return kind.word().toUpperCase(Locale.ROOT);
    }

    private ObjectName resolve(ObjectName name) {
        ObjectName resolved = graph.resolve(name);
        return resolved != null ? resolved : name;
    }

    private boolean isCreatedAs(ObjectName name) {
        ParsedStatement statement = graph.get(name);
        return statement != null && statement.definition() instanceof Table table && table.createdAs();
    }

    /**
     * The views that read a table whose columns change are dropped before and created after it (Redshift binds a
     * view to its columns, and follows a renamed table); late-binding views are not (docs: CREATE VIEW).
     */
    private void recreateDependents(Set<ObjectName> affectedTables) {
        Set<ObjectName> roots = new LinkedHashSet<>(recreated.keySet());
        roots.addAll(affectedTables);
        for (ObjectName dependent : regenerator.viewDependents(roots)) {
            recreated.putIfAbsent(dependent, "it reads an object that changes");
        }
    }

    /** Views to recreate that exist now, and views the model no longer has, in reverse dependency order. */
    private Optional<DraftGroup> dropViews(Set<ObjectName> goneViews) {
        Map<ObjectName, String> why = new LinkedHashMap<>();
        goneViews.forEach(key -> why.put(key, "not in the absolute model"));
        recreated.forEach((name, reason) -> {
            Kind now = kind(current, name);
            if (now != null && now != Kind.TABLE) {
                why.put(name, "dropped to be created again below, " + reason);
            }
        });
        if (why.isEmpty()) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        for (ObjectName key : dropOrder(why.keySet())) {
            steps.add(new Step(key.toSql() + ": " + why.get(key) + ".", "DROP " + keyword(kind(current, key)) + " "
                    + key.toSql()));
        }
        return Optional.of(new DraftGroup(Phase.PREPARE, "Views dropped, in reverse dependency order "
                + "(never CASCADE).", steps));
    }

    /**
     * The views in the order they can be dropped now: their current definitions, read from the catalog, say what
     * each reads.
     */
    private List<ObjectName> dropOrder(Set<ObjectName> keys) {
        List<ParsedStatement> parsed = EnvironmentViews.statements(current, keys, "current-views.sql");
        DependencyGraph<ParsedStatement> now = RelationGraph.of(parsed);
        DependencyGraph.Ordering ordering = now.ordered(now.names());
        List<ObjectName> order = new ArrayList<>(keys);
        List<ObjectName> created = new ArrayList<>(ordering.order());
        created.addAll(ordering.cycle());
        order.removeAll(created);
        List<ObjectName> reversed = new ArrayList<>(created);
        Collections.reverse(reversed);
        reversed.retainAll(keys);
        order.addAll(reversed);
        return order;
    }

    /** New schemas with their comments and grants first; schemas the model no longer has are dropped last. */
    private void schemas(List<DraftGroup> groups) {
        List<Step> steps = new ArrayList<>();
        for (CatalogKey object : model.objects().keySet()) {
            if (object.kind() != Kind.SCHEMA) {
                continue;
            }
            ObjectName schemaName = object.object();
            String schema = schemaName.name();
            if (current.properties(object) == null) {
                List<String> statements = new ArrayList<>();
                for (ParsedStatement statement : regenerator.absolute()) {
                    if (belongsToSchema(statement, schema)) {
                        statements.add(statement.statement().text());
                        schemaStatements.add(statement);
                    }
                }
                if (statements.isEmpty()) {
                    statements.add("CREATE SCHEMA " + schemaName.toSql());
                }
                steps.add(new Step("New schema " + schemaName.toSql() + ".", statements, false, null));
            } else {
                String comment = model.properties(object).get("comment");
                if (!Objects.equals(comment, current.properties(object).get("comment"))) {
                    finish.add(new DraftGroup(Phase.FINISH, "Schema " + schemaName.toSql() + ": comment.",
                            List.of(new Step("The comment changes.", "COMMENT ON SCHEMA " + schemaName.toSql()
                                    + " IS " + SqlText.redshiftLiteral(comment)))));
                }
            }
        }
        if (!steps.isEmpty()) {
            groups.add(new DraftGroup(Phase.PREPARE, "New schemas.", steps));
        }
    }

    private static boolean belongsToSchema(ParsedStatement statement, String schema) {
        if (statement.definition() instanceof Schema) {
            return statement.target().name().equals(schema);
        }
        if (statement.comment() != null) {
            return statement.comment().objectType().equals("SCHEMA")
                    && statement.comment().object().name().equals(schema);
        }
        Grant grant = statement.grant();
        return grant != null && !grant.revoke() && grant.objectType().equals("SCHEMA")
                && grant.objects().stream().anyMatch(o -> o.name().equals(schema));
    }

    /** New and recreated views, materialized views and CTAS tables, in dependency order. */
    private Optional<DraftGroup> createViews() {
        Set<ObjectName> toCreate = new LinkedHashSet<>(created);
        toCreate.addAll(recreated.keySet());
        if (toCreate.isEmpty()) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        for (ObjectName name : regenerator.order(toCreate)) {
            String why = recreated.containsKey(name) ? name + ": created again, " + recreated.get(name) + "."
                    : "New " + (graph.get(name).definition() instanceof Table ? "table " : "view ") + name + ".";
            steps.add(new Step(why, graph.get(name).statement().text()));
        }
        return Optional.of(new DraftGroup(Phase.FINISH, "Views, materialized views and tables created "
                + "from their queries, in dependency order.", steps));
    }

    /**
     * The absolute model's grants, comments and owners of every object created or recreated: Redshift drops them
     * with an object, and a GRANT ... ON ALL TABLES IN SCHEMA covers only the tables that exist when it runs.
     *
     * @return the grants they make, as the catalog names them
     */
    private Set<CatalogKey> extras() {
        List<ParsedStatement> extras = regenerator.extras(madeAnew());
        if (!extras.isEmpty()) {
            finish.add(new DraftGroup(Phase.FINISH, "Grants, comments and owners of the objects created above.",
                    List.of(new Step("From the absolute model: Redshift drops them with an object.",
                            extras.stream().map(e -> e.statement().text()).toList(), false, null))));
        }
        Set<CatalogKey> granted = new HashSet<>();
        List<ParsedStatement> copied = new ArrayList<>(extras);
        copied.addAll(schemaStatements);
        for (ParsedStatement statement : copied) {
            Grant grant = statement.grant();
            if (grant == null || grant.revoke()) {
                continue;
            }
            CatalogReader.expand(grant.privileges(), grant.objectType(),
                    grant.objects().stream().map(ObjectName::toString).toList(), grant.grantees(),
                    (key, privilege, object, grantee) -> granted.add(key));
        }
        return granted;
    }

    /** The objects the draft creates, creates again or deep copies: they get the model's grants and comments. */
    private Set<ObjectName> madeAnew() {
        Set<ObjectName> targets = new LinkedHashSet<>(newTableNames);
        targets.addAll(created);
        targets.addAll(recreated.keySet());
        targets.addAll(deepCopied);
        return targets;
    }

    /** Grants the model has and the schema lacks; revokes of the ones it has and the model does not. */
    private void grants(Set<CatalogKey> covered) {
        Map<String, List<Step>> byObject = new TreeMap<>();
        for (CatalogKey grant : model.objects().keySet()) {
            if (grant.kind() == Kind.GRANT && current.properties(grant) == null && !covered.contains(grant)) {
                Map<String, String> p = model.properties(grant);
                byObject.computeIfAbsent(on(p), k -> new ArrayList<>()).add(new Step("Granted in the absolute model.",
                        "GRANT " + p.get(CatalogReader.GRANT_PRIVILEGE) + " ON " + on(p) + " TO "
                                + grantee(p.get(CatalogReader.GRANT_GRANTEE))));
            }
        }
        for (CatalogKey grant : current.objects().keySet()) {
            if (grant.kind() == Kind.GRANT && model.properties(grant) == null) {
                Map<String, String> p = current.properties(grant);
                byObject.computeIfAbsent(on(p), k -> new ArrayList<>()).add(new Step(p.get(CatalogReader
                        .GRANT_PRIVILEGE) + " on " + on(p) + " to " + p.get(CatalogReader.GRANT_GRANTEE) + " is not "
                        + "granted in the absolute model: revoking it takes access away.", List.of("REVOKE "
                        + p.get(CatalogReader.GRANT_PRIVILEGE) + " ON " + on(p) + " FROM "
                        + grantee(p.get(CatalogReader.GRANT_GRANTEE))), true, null));
            }
        }
        byObject.forEach((object, steps) -> finish.add(new DraftGroup(Phase.FINISH, "Privileges on " + object + ".",
                steps)));
    }

    private static String on(Map<String, String> grant) {
        String type = grant.get(CatalogReader.GRANT_OBJECT_TYPE);
        String object = grant.get(CatalogReader.GRANT_OBJECT);
        return (type.equals("TABLE") ? "" : type + " ") + object;
    }

    private static String grantee(String grantee) {
        if (grantee.equals("public")) {
            return "PUBLIC";
        }
        if (grantee.startsWith("group ") || grantee.startsWith("role ")) {
            int space = grantee.indexOf(' ');
            return grantee.substring(0, space).toUpperCase(Locale.ROOT) + " " + grantee.substring(space + 1);
        }
        return grantee;
    }

    /** Comments that differ on objects neither created nor recreated (those get the model's own). */
    private void comments() {
        Set<ObjectName> targets = madeAnew();
        Map<ObjectName, List<Step>> byRelation = new TreeMap<>();
        for (Drift difference : drift) {
            CatalogKey object = difference.object();
            if (!"comment".equals(difference.property()) || object.kind() == Kind.SCHEMA) {
                continue;
            }
            ObjectName key = object.object();
            if (targets.contains(resolve(key))) {
                continue;
            }
            String target = object.kind() == Kind.COLUMN ? "COLUMN " + key.toSql() + "." + SqlText.name(object.column())
                    : (kind(model, key) == Kind.VIEW ? "VIEW " : "TABLE ") + key.toSql();
            byRelation.computeIfAbsent(key, k -> new ArrayList<>()).add(new Step("The comment changes.",
                    "COMMENT ON " + target + " IS " + SqlText.redshiftLiteral(difference.model())));
        }
        byRelation.forEach((key, steps) -> finish.add(new DraftGroup(Phase.FINISH, "Comments on " + key.toSql() + ".",
                steps)));
    }

    /** Tables and schemas the absolute model no longer has: last, and only with allowDestructive. */
    private void drops(List<ObjectName> goneTables) {
        List<Step> steps = new ArrayList<>();
        for (ObjectName key : goneTables) {
            steps.add(new Step("Table " + key.toSql() + " is not in the absolute model: dropping it loses its data.",
                    List.of("DROP TABLE " + key.toSql()), true, null));
        }
        for (CatalogKey object : current.objects().keySet()) {
            if (object.kind() == Kind.SCHEMA && model.properties(object) == null) {
                String schema = object.object().toSql();
                steps.add(new Step("Schema " + schema + " is not in the absolute model: dropping it "
                        + "takes its privileges with it.", List.of("DROP SCHEMA " + schema), true, null));
            }
        }
        if (!steps.isEmpty()) {
            finish.add(new DraftGroup(Phase.FINISH, "Objects the absolute model no longer has.", steps));
        }
    }
}
