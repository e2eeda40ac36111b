package io.github.rsevolve.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ObjectNameTest {

    /** Names whose order by parts and by their text differ: prefixes, '$' and '-' before '.', unqualified names. */
    private static final List<ObjectName> NAMES = List.of(new ObjectName("a", "b"), new ObjectName("a$x", "c"),
            new ObjectName("a-x", "c"), new ObjectName("ab", "c"), new ObjectName(null, "a"),
            new ObjectName(null, "a.b"), new ObjectName(null, "a.c"), new ObjectName("a", "b.c"),
            new ObjectName("dw", "orders"), new ObjectName("dw", "orders_2026"), new ObjectName(null, "dw"),
            new ObjectName("dw.x", "y"), new ObjectName("", "z"));

    @Test
    void ordersAsItsTextOrders() {
        for (ObjectName one : NAMES) {
            for (ObjectName other : NAMES) {
                assertEquals(Integer.signum(one.toString().compareTo(other.toString())),
                        Integer.signum(one.compareTo(other)), one + " against " + other);
            }
        }
    }

    @Test
    void isEqualByItsFoldedPartsAndHashesAsTheRecordWould() {
        for (ObjectName one : NAMES) {
            ObjectName same = new ObjectName(one.schema() == null ? null : one.schema().toUpperCase(),
                    one.name().toUpperCase());
            assertEquals(one, same);
            assertEquals(31 * Objects.hashCode(one.schema()) + one.name().hashCode(), same.hashCode());
            for (ObjectName other : NAMES) {
                assertEquals(one.toString().equals(other.toString()) && one.isQualified() == other.isQualified(),
                        one.equals(other), one + " against " + other);
            }
        }
        // The unqualified name is not the name in a schema of the same text.
        assertNotEquals(new ObjectName(null, "a.b"), new ObjectName("a", "b"));
    }
}
