package io.github.rsevolve.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
