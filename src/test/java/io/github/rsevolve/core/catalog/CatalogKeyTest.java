package io.github.rsevolve.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rsevolve.core.catalog.CatalogKey.Kind;
import io.github.rsevolve.core.model.ObjectName;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CatalogKeyTest {

    @Test
    void aNameWithADotStaysOnePartAndIsQuotedInTheText() {
        CatalogKey key = CatalogKey.column(new ObjectName("atomic", "ctx.v1"), "client_context.client.app_title");
        assertEquals("column atomic.\"ctx.v1\".\"client_context.client.app_title\"", key.toString());
        assertEquals(new ObjectName("atomic", "ctx.v1"), key.object());
        assertEquals("client_context.client.app_title", key.column());
        assertEquals(Kind.COLUMN, key.kind());
    }

    @Test
    void eachKindKeepsItsParts() {
        CatalogKey schema = CatalogKey.schema("Sales Mart");
        assertEquals("schema \"sales mart\"", schema.toString());
        assertEquals(new ObjectName(null, "sales mart"), schema.object());
        CatalogKey view = CatalogKey.relation(Kind.MATERIALIZED_VIEW, new ObjectName("mart", "daily"));
        assertEquals("materialized view mart.daily", view.toString());
        assertTrue(view.isRelation());
        CatalogKey constraint = CatalogKey.constraint(new ObjectName("dw", "orders"), "PRIMARY KEY (id)");
        assertEquals("constraint dw.orders PRIMARY KEY (id)", constraint.toString());
        assertEquals("PRIMARY KEY (id)", constraint.detail());
        CatalogKey grant = CatalogKey.grant("SELECT", "TABLE", "dw.orders", "group bi");
        assertEquals("grant SELECT on table dw.orders to group bi", grant.toString());
        assertNull(grant.object());
        assertThrows(IllegalArgumentException.class, () -> CatalogKey.relation(Kind.COLUMN, view.object()));
    }

    @Test
    void keysAreEqualByWhatTheyNameAndSortByTheirText() {
        ObjectName orders = new ObjectName("dw", "orders");
        assertEquals(CatalogKey.column(orders, "Total"), CatalogKey.column(orders, "total"));
        assertNotEquals(CatalogKey.relation(Kind.TABLE, orders), CatalogKey.relation(Kind.VIEW, orders));
        TreeSet<CatalogKey> sorted = new TreeSet<>(List.of(CatalogKey.relation(Kind.TABLE, orders),
                CatalogKey.schema("dw"), CatalogKey.column(orders, "b"), CatalogKey.column(orders, "a")));
        assertEquals(List.of("column dw.orders.a", "column dw.orders.b", "schema dw", "table dw.orders"),
                sorted.stream().map(CatalogKey::toString).toList());
    }
}
