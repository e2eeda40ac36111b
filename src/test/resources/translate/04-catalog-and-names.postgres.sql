CREATE SCHEMA "sales";
CREATE VIEW "sales"."sales" (sale, label) AS
SELECT 1, 'one';
CREATE TABLE "sales"."sales_copy" (sale, label) AS
SELECT sale, label FROM sales.sales;
INSERT INTO rse_meta.relation_attributes VALUES ('sales', 'sales_copy', 'AUTO', NULL, 'AUTO', '', 'YES', false, NULL, false);
CREATE VIEW "sales"."view" (sale) AS
SELECT 1;
CREATE TABLE "sales"."table" (sale) AS
SELECT sale FROM sales."view";
INSERT INTO rse_meta.relation_attributes VALUES ('sales', 'table', 'AUTO', NULL, 'AUTO', '', 'YES', false, NULL, false);
SELECT schemaname, tablename, "column", distkey, sortkey FROM rse_compat.pg_table_def WHERE tablename = 'sales_copy';
SELECT '--DROP TABLE ' + QUOTE_IDENT(n.nspname) + '.' + QUOTE_IDENT(c.relname) + ';', c.reldiststyle, a.attisdistkey
FROM pg_namespace n JOIN rse_compat.pg_class c ON n.oid = c.relnamespace JOIN rse_compat.pg_attribute AS a ON a.attrelid = c.oid
WHERE c.relname = 'x' AND TRIM((c.oid)::text) <> '' AND TRIM(BOTH ' ' FROM c.relname) <> '';
SELECT adsrc FROM rse_compat.pg_attrdef;
SELECT string_agg((c.oid)::text, ',' ORDER BY c.oid), LEFT(12345, 2), MAX(LENGTH(c.relpages::bigint)), LEN(1.5), LPAD(7, 3, '0'), RIGHT(CURRENT_DATE, 2),
       ROUND(AVG(c.relpages::float), 2), pg_last_copy_id(), MAX(d.defacluser)
FROM rse_compat.pg_class c CROSS JOIN rse_compat.pg_default_acl d;
SELECT REPLICATE('ab', 2), TEXTLEN('abc'), DEXP(1.0), DLOG1(2.0), DLOG10(100.0), DATE_CMP(CURRENT_DATE, CURRENT_DATE),
       TIMESTAMP_CMP_DATE(GETDATE(), CURRENT_DATE), NEXT_DAY(CURRENT_DATE, 'Monday'), IS_VALID_JSON_ARRAY('[1]'),
       CURRENT_USER_ID(), SLICE_NUM(), CHECKSUM(relname), ANY_VALUE(relname) OVER (),
       string_agg((relname)::text, ',') OVER (PARTITION BY relkind),
       rse_compat.percentile_cont_over(0.9, relpages) OVER (PARTITION BY relkind),
       rse_compat.percentile_disc_over(0.5, reltuples) OVER (),
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY relpages)
FROM rse_compat.pg_class GROUP BY relname, relkind, relpages, reltuples;
SELECT * FROM pg_get_late_binding_view_cols() cols(view_schema name, view_name name, col_name name, col_type varchar, col_num int);
