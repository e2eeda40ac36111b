-- A view whose schema has its name keeps its column list.
CREATE SCHEMA sales;
CREATE VIEW sales.sales (sale, label) AS SELECT 1, 'one';
CREATE TABLE sales.sales_copy (sale, label) AS SELECT sale, label FROM sales.sales;
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
