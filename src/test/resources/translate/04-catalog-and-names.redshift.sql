-- A view whose schema has its name keeps its column list.
CREATE SCHEMA sales;
CREATE VIEW sales.sales (sale, label) AS SELECT 1, 'one';
CREATE TABLE sales.sales_copy (sale, label) AS SELECT sale, label FROM sales.sales;
-- So does one named like a keyword before it: the parser keeps where the list is, nothing looks for it again.
CREATE VIEW sales."view" (sale) AS SELECT 1;
CREATE TABLE sales."table" (sale) AS SELECT sale FROM sales."view";
-- Redshift's catalog, qualified or not, and string + string as AWS's admin views write it.
SELECT schemaname, tablename, "column", distkey, sortkey FROM pg_catalog.pg_table_def WHERE tablename = 'sales_copy';
SELECT '--DROP TABLE ' + QUOTE_IDENT(n.nspname) + '.' + QUOTE_IDENT(c.relname) + ';', c.reldiststyle, a.attisdistkey
FROM pg_namespace n JOIN pg_catalog.pg_class c ON n.oid = c.relnamespace JOIN pg_attribute AS a ON a.attrelid = c.oid
WHERE c.relname = 'x' AND TRIM(c.oid) <> '' AND TRIM(BOTH ' ' FROM c.relname) <> '';
SELECT adsrc FROM pg_catalog.pg_attrdef;
-- Numbers and dates where Redshift converts them to VARCHAR implicitly; ROUND of a DOUBLE PRECISION.
SELECT LISTAGG(c.oid, ',') WITHIN GROUP (ORDER BY c.oid), LEFT(12345, 2), MAX(LENGTH(c.relpages::bigint)), LEN(1.5), LPAD(7, 3, '0'), RIGHT(CURRENT_DATE, 2),
       ROUND(AVG(c.relpages::float), 2), pg_last_copy_id(), MAX(d.defacluser)
FROM pg_class c CROSS JOIN pg_default_acl d;
-- Documented Redshift functions PostgreSQL lacks, and the window forms of LISTAGG and PERCENTILE_CONT/_DISC.
SELECT REPLICATE('ab', 2), TEXTLEN('abc'), DEXP(1.0), DLOG1(2.0), DLOG10(100.0), DATE_CMP(CURRENT_DATE, CURRENT_DATE),
       TIMESTAMP_CMP_DATE(GETDATE(), CURRENT_DATE), NEXT_DAY(CURRENT_DATE, 'Monday'), IS_VALID_JSON_ARRAY('[1]'),
       CURRENT_USER_ID(), SLICE_NUM(), CHECKSUM(relname), ANY_VALUE(relname) OVER (),
       LISTAGG(relname, ',') WITHIN GROUP (ORDER BY relname) OVER (PARTITION BY relkind),
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY relpages DESC) OVER (PARTITION BY relkind),
       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY reltuples) OVER (),
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY relpages)
FROM pg_class GROUP BY relname, relkind, relpages, reltuples;
SELECT * FROM pg_get_late_binding_view_cols() cols(view_schema name, view_name name, col_name name, col_type varchar, col_num int);
