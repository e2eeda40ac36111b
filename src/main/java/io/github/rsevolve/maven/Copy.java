package io.github.rsevolve.maven;

import java.util.List;
import java.util.Map;

/**
 * One {@code <copy>} of copy-data's configuration: {@code <copy><table>dw.orders</table>
 * <where>order_date >= DATEADD(day, -90, GETDATE())</where><excludes><exclude>email</exclude></excludes>
 * <masks><phone>'***'</phone></masks></copy>}.
 */
public class Copy {

    /** schema.table, or a pattern such as dw.* or dw.fact_*. */
    String table;
    /** A Redshift SQL condition on the source's rows. */
    String where;
    /** Sensitive columns never copied. */
    List<String> excludes;
    /** Sensitive columns copied as an SQL expression, column name to expression. */
    Map<String, String> masks;
}
