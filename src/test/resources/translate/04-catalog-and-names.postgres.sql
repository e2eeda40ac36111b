CREATE SCHEMA "sales";
CREATE VIEW "sales"."sales" (sale, label) AS
SELECT 1, 'one';
CREATE TABLE "sales"."sales_copy" (sale, label) AS
SELECT sale, label FROM sales.sales;
INSERT INTO rse_meta.relation_attributes VALUES ('sales', 'sales_copy', 'AUTO', NULL, 'AUTO', '', 'YES', false, NULL, false);
SELECT schemaname, tablename, "column", distkey, sortkey FROM rse_compat.pg_table_def WHERE tablename = 'sales_copy';
SELECT '--DROP TABLE ' + QUOTE_IDENT(n.nspname) + '.' + QUOTE_IDENT(c.relname) + ';', c.reldiststyle, a.attisdistkey
FROM pg_namespace n JOIN rse_compat.pg_class c ON n.oid = c.relnamespace JOIN rse_compat.pg_attribute AS a ON a.attrelid = c.oid
WHERE c.relname = 'x' AND TRIM((c.oid)::text) <> '' AND TRIM(BOTH ' ' FROM c.relname) <> '';
SELECT adsrc FROM rse_compat.pg_attrdef;
SELECT string_agg((c.oid)::text, ',' ORDER BY c.oid), LEFT(12345, 2), MAX(LENGTH(c.relpages::bigint)), LEN(1.5), LPAD(7, 3, '0'), RIGHT(CURRENT_DATE, 2),
       ROUND(AVG(c.relpages::float), 2), pg_last_copy_id(), MAX(d.defacluser)
FROM rse_compat.pg_class c CROSS JOIN rse_compat.pg_default_acl d;
