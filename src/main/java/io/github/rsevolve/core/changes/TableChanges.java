package io.github.rsevolve.core.changes;

import io.github.rsevolve.core.catalog.CatalogKey;
import io.github.rsevolve.core.catalog.CatalogReader;
import io.github.rsevolve.core.catalog.CatalogSnapshot;
import io.github.rsevolve.core.changes.DraftGroup.Phase;
import io.github.rsevolve.core.changes.DraftGroup.Step;
import io.github.rsevolve.core.model.Column;
import io.github.rsevolve.core.model.ObjectName;
import io.github.rsevolve.core.model.Table;
import io.github.rsevolve.core.sql.SqlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How one table that exists on both sides becomes its absolute definition: ALTER TABLE where Redshift changes the
 * table in place, else the safe deep copy, which recreates it from the absolute model.
 */
final class TableChanges {

    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    /** Encodings with which Redshift cannot change a VARCHAR's size (docs: ALTER TABLE ALTER COLUMN TYPE). */
    private static final Set<String> FIXED_SIZE_ENCODINGS = Set.of("bytedict", "runlength", "text255", "text32k");

    /** The table as the catalogs name it. */
    private final ObjectName relation;
    private final ObjectName table;
    private final Table definition;
    private final CatalogSnapshot model;
    private final CatalogSnapshot current;
    private final Regenerator regenerator;
    /** The table's properties in the model's catalog and in the current one. */
    private final Map<String, String> wantedTable;
    private final Map<String, String> currentTable;
    private final List<String> modelColumns;
    private final List<String> currentColumns;
    private final List<DraftGroup> groups = new ArrayList<>();
    private boolean dependentsAffected;
    private boolean deepCopy;

    private TableChanges(ObjectName relation, ObjectName table, CatalogSnapshot model, CatalogSnapshot current,
                         Regenerator regenerator) {
        this.relation = relation;
        this.table = table;
        this.model = model;
        this.current = current;
        this.regenerator = regenerator;
        this.definition = regenerator.graph().get(table) != null
                && regenerator.graph().get(table).definition() instanceof Table t ? t : null;
        CatalogKey key = CatalogKey.relation(CatalogKey.Kind.TABLE, relation);
        this.wantedTable = model.properties(key);
        this.currentTable = current.properties(key);
        this.modelColumns = columns(wantedTable);
        this.currentColumns = columns(currentTable);
    }

    /**
     * How a table changes.
     *
     * @param groups             the changes, in place or by deep copy
     * @param dependentsAffected whether the views that read the table must be dropped first and created again
     * @param deepCopy           whether the table is recreated from its absolute definition
     */
    record Plan(List<DraftGroup> groups, boolean dependentsAffected, boolean deepCopy) {
    }

    /** @param relation the table as the catalogs name it; {@code table} is its name in the model's graph */
    static Plan plan(ObjectName relation, ObjectName table, CatalogSnapshot model, CatalogSnapshot current,
                     Regenerator regenerator, boolean allowDestructive) {
        TableChanges changes = new TableChanges(relation, table, model, current, regenerator);
        changes.plan(allowDestructive);
        return new Plan(changes.groups, changes.dependentsAffected, changes.deepCopy);
    }

    private static List<String> columns(Map<String, String> relation) {
        String order = relation == null ? null : relation.get("column order");
        return order == null || order.isEmpty() ? List.of() : Arrays.asList(order.split(", "));
    }

    private Map<String, String> modelColumn(String column) {
        return model.properties(CatalogKey.column(relation, column));
    }

    private Map<String, String> currentColumn(String column) {
        return current.properties(CatalogKey.column(relation, column));
    }

    private String sql() {
        return table.toSql();
    }

    private static String quote(String column) {
        return SqlText.name(column);
    }

    private void plan(boolean allowDestructive) {
        List<String> added = modelColumns.stream().filter(c -> !currentColumns.contains(c)).toList();
        List<String> dropped = currentColumns.stream().filter(c -> !modelColumns.contains(c)).toList();
        List<String> kept = modelColumns.stream().filter(currentColumns::contains).toList();
        List<String> reasons = new ArrayList<>();
        if (!kept.equals(currentColumns.stream().filter(modelColumns::contains).toList())) {
            reasons.add("its columns are in another order, and Redshift cannot move a column (docs: ALTER TABLE)");
        } else if (!modelColumns.subList(0, kept.size()).equals(kept)) {
            reasons.add("new column(s) " + String.join(", ", added) + " come before existing ones, and Redshift "
                    + "adds a column only at the end (docs: ALTER TABLE ADD COLUMN)");
        }
        Map<String, String> casts = new LinkedHashMap<>();
        List<String> grown = new ArrayList<>();
        List<String> retyped = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        for (String column : kept) {
            compareColumn(column, reasons, casts, grown, retyped, encoded);
        }
        for (String column : added) {
            if (modelColumn(column).containsKey("identity")) {
                reasons.add("new column " + column + " is an IDENTITY column, which ALTER TABLE ADD COLUMN cannot "
                        + "add (docs: ALTER TABLE)");
            }
        }
        compareTable(reasons, encoded);
        if (definition == null && (!added.isEmpty() || !retyped.isEmpty())) {
            reasons.add("the absolute model has no CREATE TABLE for it with its columns");
        }
        for (String column : retyped) {
            if (!canSwapIn(column)) {
                reasons.add(column + " changes type from " + currentColumn(column).get("type") + " to "
                        + modelColumn(column).get("type") + ", which Redshift cannot do in place, and a new column "
                        + "swapped in for it would move to the end of the table");
            }
        }
        if (!reasons.isEmpty()) {
            deepCopy(reasons, casts, !dropped.isEmpty());
            return;
        }
        List<Step> steps = new ArrayList<>();
        added.forEach(column -> steps.add(addColumn(column)));
        retyped.forEach(column -> steps.add(swapIn(column)));
        encoded.forEach(column -> steps.add(new Step(column + ": ENCODE " + modelColumn(column).get("encode")
                + ", was " + value(currentColumn(column).get("encode")) + "; Redshift re-encodes in place (docs: "
                + "ALTER TABLE ALTER COLUMN ENCODE).", "ALTER TABLE " + sql() + " ALTER COLUMN " + quote(column)
                + " ENCODE " + modelColumn(column).get("encode"))));
        storage(steps);
        dropped.forEach(column -> steps.add(new Step(table + "." + column + " is not in the absolute definition: "
                + "dropping it loses its data.", List.of("ALTER TABLE " + sql() + " DROP COLUMN " + quote(column)),
                true, null)));
        constraints(steps);
        if (!steps.isEmpty()) {
            groups.add(new DraftGroup(Phase.PREPARE, "Table " + table + ": changed in place.", steps));
        }
        grown.forEach(this::growVarchar);
        dependentsAffected = !grown.isEmpty() || !retyped.isEmpty() || !dropped.isEmpty() && allowDestructive;
    }

    private static String value(String value) {
        return value == null ? "none" : value;
    }

    private void compareColumn(String column, List<String> reasons, Map<String, String> casts, List<String> grown,
                               List<String> retyped, List<String> encoded) {
        Map<String, String> wanted = modelColumn(column);
        Map<String, String> now = currentColumn(column);
        if (!Objects.equals(wanted.get("nullable"), now.get("nullable"))) {
            reasons.add(column + " becomes " + wanted.get("nullable") + ", which Redshift cannot change on an "
                    + "existing column (docs: ALTER TABLE has no ALTER COLUMN ... SET NOT NULL)");
        }
        if (!Objects.equals(wanted.get("default"), now.get("default"))) {
            reasons.add(column + " gets another DEFAULT, which Redshift cannot change on an existing column (docs: "
                    + "ALTER TABLE has no ALTER COLUMN ... SET DEFAULT)");
        }
        if (!Objects.equals(wanted.get("identity"), now.get("identity"))) {
            reasons.add(column + " changes its IDENTITY, which only CREATE TABLE sets (docs: CREATE TABLE)");
        }
        if (!Objects.equals(wanted.get("type"), now.get("type"))) {
            casts.put(column, modelType(column));
            if (growsVarcharInPlace(column)) {
                grown.add(column);
            } else {
                retyped.add(column);
            }
        }
        if (!Objects.equals(wanted.get("encode"), now.get("encode"))) {
            if (wanted.get("encode") == null) {
                reasons.add(column + " loses its ENCODE " + now.get("encode") + ", which no ALTER TABLE removes");
            } else {
                encoded.add(column);
            }
        }
    }

    private String modelType(String column) {
        Column defined = definition == null ? null : definition.column(column);
        return defined != null ? defined.type().toUpperCase(Locale.ROOT) : modelColumn(column).get("type");
    }

    /**
     * Whether Redshift can make this column's VARCHAR longer in place: not with a DEFAULT, a constraint, or the
     * BYTEDICT, RUNLENGTH, TEXT255 or TEXT32K encodings (docs: ALTER TABLE ALTER COLUMN TYPE).
     */
    private boolean growsVarcharInPlace(String column) {
        Matcher wanted = VARCHAR.matcher(modelColumn(column).get("type"));
        Matcher now = VARCHAR.matcher(currentColumn(column).get("type"));
        if (!wanted.matches() || !now.matches()
                || Integer.parseInt(wanted.group(1)) <= Integer.parseInt(now.group(1))) {
            return false;
        }
        String encoding = currentColumn(column).get("encode");
        return !currentColumn(column).containsKey("default") && !inConstraint(column)
                && (encoding == null || !FIXED_SIZE_ENCODINGS.contains(encoding.toLowerCase(Locale.ROOT)));
    }

    private boolean inConstraint(String column) {
        return constraintsOf(current).anyMatch(c -> Arrays.asList(current.properties(c)
                .get(CatalogReader.CONSTRAINT_COLUMNS).split(",")).contains(column));
    }

    private Stream<CatalogKey> constraintsOf(CatalogSnapshot snapshot) {
        return snapshot.objects().keySet().stream()
                .filter(o -> o.kind() == CatalogKey.Kind.CONSTRAINT && o.object().equals(relation));
    }

    /**
     * Whether a new column can be swapped in for this one without moving it: it is last on both sides, nullable,
     * and no key or constraint names it.
     */
    private boolean canSwapIn(String column) {
        return column.equals(modelColumns.get(modelColumns.size() - 1))
                && column.equals(currentColumns.get(currentColumns.size() - 1))
                && "NULL".equals(modelColumn(column).get("nullable")) && !inConstraint(column)
                && !modelColumn(column).containsKey("identity")
                && !isKey(wantedTable, column) && !isKey(currentTable, column);
    }

    private static boolean isKey(Map<String, String> relation, String column) {
        String sortKey = relation.getOrDefault("sortkey", "");
        return column.equals(relation.get("distkey")) || sortKey.matches(".*[(,]" + Pattern.quote(column) + "[,)].*");
    }

    /** Table-level attributes; the reasons for a deep copy where Redshift cannot alter them in place. */
    private void compareTable(List<String> reasons, List<String> encoded) {
        if (!Objects.equals(wantedTable.get("backup"), currentTable.get("backup"))) {
            reasons.add("BACKUP " + wantedTable.get("backup") + " is set only by CREATE TABLE (docs: ALTER TABLE "
                    + "has no BACKUP clause)");
        }
        String sortKey = wantedTable.getOrDefault("sortkey", "");
        if (!sortKey.equals(currentTable.getOrDefault("sortkey", "")) && sortKey.startsWith("INTERLEAVED")) {
            reasons.add("ALTER SORTKEY cannot make an INTERLEAVED sort key (docs: ALTER TABLE)");
        }
        if (currentTable.getOrDefault("sortkey", "").startsWith("INTERLEAVED") && !encoded.isEmpty()) {
            reasons.add("Redshift cannot change a column's encoding in a table with an interleaved sort key (docs: "
                    + "ALTER TABLE ALTER COLUMN ENCODE)");
        }
        if ("false".equals(wantedTable.get("encode auto")) && "true".equals(currentTable.get("encode auto"))) {
            reasons.add("no ALTER TABLE turns ENCODE AUTO off");
        }
    }

    /** Distribution, sort key and ENCODE AUTO, which Redshift changes in place (docs: ALTER TABLE). */
    private void storage(List<Step> steps) {
        String style = wantedTable.get("diststyle");
        if (style != null && (!style.equals(currentTable.get("diststyle"))
                || !Objects.equals(wantedTable.get("distkey"), currentTable.get("distkey")))) {
            String distribution = "KEY".equals(style) ? "KEY DISTKEY " + quote(wantedTable.get("distkey")) : style;
            steps.add(new Step("Distribution " + distribution + ", was " + currentTable.get("diststyle")
                    + (currentTable.get("distkey") == null ? "" : " " + currentTable.get("distkey"))
                    + "; Redshift redistributes the rows in place (docs: ALTER TABLE ALTER DISTSTYLE).",
                    "ALTER TABLE " + sql() + " ALTER DISTSTYLE " + distribution));
        }
        String sortKey = wantedTable.get("sortkey");
        if (sortKey != null && !sortKey.equals(currentTable.get("sortkey"))) {
            String target = sortKey.startsWith("COMPOUND") ? "COMPOUND SORTKEY (" + String.join(", ",
                    Arrays.stream(sortKey.substring(sortKey.indexOf('(') + 1, sortKey.length() - 1).split(","))
                            .map(TableChanges::quote).toList()) + ")" : "SORTKEY " + sortKey;
            steps.add(new Step("Sort key " + sortKey + ", was " + currentTable.get("sortkey")
                    + "; Redshift re-sorts in place (docs: ALTER TABLE ALTER SORTKEY).",
                    "ALTER TABLE " + sql() + " ALTER " + target));
        }
        if ("true".equals(wantedTable.get("encode auto")) && !"true".equals(currentTable.get("encode auto"))) {
            steps.add(new Step("ENCODE AUTO: Redshift chooses the encodings from now on (docs: ALTER TABLE ALTER "
                    + "ENCODE AUTO).", "ALTER TABLE " + sql() + " ALTER ENCODE AUTO"));
        }
    }

    /** Informational constraints: added by ALTER TABLE; one to drop needs its name, which the catalogs lack. */
    private void constraints(List<Step> steps) {
        for (CatalogKey constraint : constraintsOf(model).toList()) {
            if (current.properties(constraint) == null) {
                String clause = constraint.detail();
                steps.add(new Step("New constraint " + clause + " (Redshift does not enforce it; the planner uses "
                        + "it: docs: Defining table constraints).", "ALTER TABLE " + sql() + " ADD " + clause));
            }
        }
        for (CatalogKey constraint : constraintsOf(current).toList()) {
            if (model.properties(constraint) == null) {
                String clause = constraint.detail();
                steps.add(new Step("Constraint " + clause + " is not in the absolute definition.", List.of(),
                        false, "drop " + table + "'s constraint " + clause + " by its name: ALTER TABLE " + sql()
                        + " DROP CONSTRAINT <name>; the name is in SVV_TABLE_INFO's or PG_CONSTRAINT's rows for the "
                        + "table."));
            }
        }
    }

    private Step addColumn(String column) {
        Column defined = definition.column(column);
        StringBuilder add = new StringBuilder("ALTER TABLE ").append(sql()).append(" ADD COLUMN ")
                .append(quote(column)).append(' ').append(defined.type().toUpperCase(Locale.ROOT));
        if (defined.defaultValue() != null) {
            add.append(" DEFAULT ").append(defined.defaultValue());
        }
        if (defined.encoding() != null) {
            add.append(" ENCODE ").append(defined.encoding());
        }
        if (defined.notNull()) {
            add.append(" NOT NULL");
        }
        String manual = defined.notNull() && defined.defaultValue() == null ? "Redshift adds a NOT NULL column only "
                + "with a DEFAULT for the existing rows; give " + table + "." + column + " a DEFAULT in the absolute "
                + "model." : null;
        return new Step("New column " + column + "; Redshift adds one column per statement, at the end (docs: ALTER "
                + "TABLE ADD COLUMN).", List.of(add.toString()), false, manual);
    }

    /** A type Redshift cannot change in place: a new column with the values cast, swapped in for the old one. */
    private Step swapIn(String column) {
        Column defined = definition.column(column);
        String type = modelType(column);
        String swap = column + "_new";
        while (modelColumns.contains(swap) || currentColumns.contains(swap)) {
            swap = swap + "_";
        }
        String add = "ALTER TABLE " + sql() + " ADD COLUMN " + quote(swap) + " " + type
                + (defined.defaultValue() == null ? "" : " DEFAULT " + defined.defaultValue())
                + (defined.encoding() == null ? "" : " ENCODE " + defined.encoding());
        return new Step(column + ": " + currentColumn(column).get("type") + " becomes "
                + modelColumn(column).get("type") + ", which Redshift cannot change in place (docs: ALTER TABLE "
                + "ALTER COLUMN TYPE changes only a VARCHAR's size): a new column, the values cast into it, the old "
                + "column dropped, the new one renamed. WARNING: the cast fails, or rounds, on values the new type "
                + "cannot hold; check them first.",
                List.of(add, "UPDATE " + sql() + " SET " + quote(swap) + " = CAST(" + quote(column) + " AS " + type
                                + ")", "ALTER TABLE " + sql() + " DROP COLUMN " + quote(column),
                        "ALTER TABLE " + sql() + " RENAME COLUMN " + quote(swap) + " TO " + quote(column)),
                false, null);
    }

    /** A longer VARCHAR, in place, in a changeset of its own: it cannot run in a transaction block. */
    private void growVarchar(String column) {
        groups.add(new DraftGroup(Phase.OWN_CHANGESET, "Table " + table + ": " + column + " grows to "
                + modelColumn(column).get("type") + ".", "alter_" + table.name() + "_" + column,
                List.of(new Step(column + " was " + currentColumn(column).get("type") + "; Redshift makes a VARCHAR "
                        + "longer in place, but not inside a transaction block (docs: ALTER TABLE ALTER COLUMN TYPE), "
                        + "so this is a changeset of its own.", "ALTER TABLE " + sql() + " ALTER COLUMN "
                        + quote(column) + " TYPE " + modelType(column)))));
    }

    private void deepCopy(List<String> reasons, Map<String, String> casts, boolean losesColumns) {
        dependentsAffected = true;
        deepCopy = true;
        if (definition == null || definition.createdAs() || definition.external()) {
            groups.add(new DraftGroup(Phase.PREPARE, "Table " + table + ": cannot be changed in place.",
                    List.of(new Step(String.join("; ", reasons) + ".", List.of(), false, "recreate " + table
                            + " by hand: it has no CREATE TABLE with a column list in the absolute model to copy "
                            + "into."))));
            return;
        }
        String why = "Deep copy, because " + String.join("; ", reasons) + ". The rename is the first statement that "
                + "touches the table: it holds the table's exclusive lock until the changeset commits, so no write "
                + "is lost; one table per changeset.";
        groups.add(new DraftGroup(Phase.OWN_CHANGESET, "Table " + table + ": deep copy to its absolute definition.",
                "deep_copy_" + table.name(), List.of(new Step(why, regenerator.deepCopyStatements(table,
                regenerator.copyableTable(table), currentColumns, casts), losesColumns, null))));
    }
}
