-- Redshift's own catalog columns and views, emulated in schema rse_compat of each throwaway PostgreSQL database from
-- the PostgreSQL catalog and the rse_meta bookkeeping, so queries over them are checked instead of skipped.
-- The translator reads pg_catalog.X as rse_compat.X for each view here (RedshiftCatalog). Statements are separated
-- by lines "--;". The system views that only log what ran (STL_, SVL_, SYS_, ...) are empty views built from
-- redshift-system-views.tsv.

-- PG_ATTRIBUTE as Redshift has it: PostgreSQL 8.0's columns (Redshift's catalog is 8.0's: later ones such as
-- attidentity, attgenerated or attcollation fail there, and attacl is PG_ATTRIBUTE_INFO's, docs: PG_ATTRIBUTE_INFO),
-- and the columns Redshift adds: the distribution key, the column's place in the sort key (negative for every second
-- column of an INTERLEAVED key) and its encoding (docs: PG_TABLE_DEF, sortkey and distkey; AWS's admin views in
-- amazon-redshift-utils read them).
DO $do$ BEGIN EXECUTE format($view$
CREATE VIEW rse_compat.pg_attribute AS
SELECT %s, COALESCE(r.dist_key = a.attname::text, false) AS attisdistkey,
  COALESCE(CASE WHEN r.sort_style = 'INTERLEAVED' AND mod(p.place, 2) = 0 THEN -p.place ELSE p.place END, 0)::integer
    AS attsortkeyord,
  CASE WHEN ca.encoding IS NULL OR upper(ca.encoding) = 'RAW' THEN 0 ELSE 1 END::integer AS attencodingtype
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN rse_meta.relation_attributes r ON r.schema_name = n.nspname AND r.relation_name = c.relname
LEFT JOIN rse_meta.column_attributes ca ON ca.schema_name = n.nspname AND ca.relation_name = c.relname
  AND ca.column_name = a.attname
LEFT JOIN LATERAL (SELECT array_position(string_to_array(r.sort_keys, ','), a.attname::text) AS place) p ON true
$view$, (SELECT string_agg('a.' || quote_ident(attname), ', ' ORDER BY attnum) FROM pg_catalog.pg_attribute
  WHERE attrelid = 'pg_catalog.pg_attribute'::regclass AND attname IN ('attrelid', 'attname', 'atttypid',
    'attstattarget', 'attlen', 'attnum', 'attndims', 'attcacheoff', 'atttypmod', 'attbyval', 'attstorage', 'attalign',
    'attnotnull', 'atthasdef', 'attisdropped', 'attislocal', 'attinhcount'))); END $do$;
--;
-- PG_CLASS with Redshift's distribution style (docs: PG_CLASS_INFO: 0 EVEN, 1 KEY, 8 ALL; AUTO as the style it
-- chose) and creation time.
CREATE VIEW rse_compat.pg_class AS
SELECT c.*, CASE r.dist_style WHEN 'KEY' THEN 1 WHEN 'ALL' THEN 8 ELSE 0 END::integer AS reldiststyle,
  CASE r.dist_style WHEN 'KEY' THEN 1 WHEN 'ALL' THEN 8 WHEN 'EVEN' THEN 0 ELSE 10 END::integer
    AS releffectivediststyle,
  NULL::timestamp AS relcreationtime
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN rse_meta.relation_attributes r ON r.schema_name = n.nspname AND r.relation_name = c.relname;
--;
-- PG_CLASS_INFO and PG_ATTRIBUTE_INFO: PG_CLASS with its oid named reloid, and PG_ATTRIBUTE with attacl (docs:
-- PG_CLASS_INFO, PG_ATTRIBUTE_INFO).
DO $do$ BEGIN EXECUTE format('CREATE VIEW rse_compat.pg_class_info AS SELECT c.oid AS reloid, %s FROM rse_compat.pg_class c',
  (SELECT string_agg('c.' || quote_ident(attname), ', ' ORDER BY attnum) FROM pg_catalog.pg_attribute
    WHERE attrelid = 'rse_compat.pg_class'::regclass AND attnum > 0 AND attname <> 'oid')); END $do$;
--;
CREATE VIEW rse_compat.pg_attribute_info AS SELECT a.*, p.attacl FROM rse_compat.pg_attribute a
JOIN pg_catalog.pg_attribute p ON p.attrelid = a.attrelid AND p.attnum = a.attnum;
--;
-- PG_DEFAULT_ACL names the user whose default privileges a row holds by user ID, defacluser (docs: PG_DEFAULT_ACL).
CREATE VIEW rse_compat.pg_default_acl AS SELECT d.*, d.defaclrole::integer AS defacluser
FROM pg_catalog.pg_default_acl d;
--;
-- PG_LOCKS keeps PostgreSQL 8.0's name for the transaction column (AWS's v_check_transaction_locks reads it).
CREATE VIEW rse_compat.pg_locks AS SELECT l.*, l.transactionid AS transaction FROM pg_catalog.pg_locks l;
--;
-- PG_STAT_ACTIVITY as Redshift names its columns (PostgreSQL 8.0's procpid and current_query; AWS's admin view
-- v_check_transaction_locks reads them).
CREATE VIEW rse_compat.pg_stat_activity AS
SELECT s.*, s.pid AS procpid, s.query AS current_query FROM pg_catalog.pg_stat_activity s;
--;
-- PG_ATTRDEF and PG_CONSTRAINT keep the text forms adsrc and consrc that Redshift, on PostgreSQL 8.0, still has
-- (PostgreSQL 12 removed them; AWS's v_generate_tbl_ddl reads adsrc).
CREATE VIEW rse_compat.pg_attrdef AS
SELECT d.*, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS adsrc FROM pg_catalog.pg_attrdef d;
--;
CREATE VIEW rse_compat.pg_constraint AS
SELECT c.*, CASE WHEN c.contype = 'c' THEN pg_catalog.pg_get_expr(c.conbin, c.conrelid) END AS consrc
FROM pg_catalog.pg_constraint c;
--;
-- FORMAT_ENCODING(attencodingtype): the encoding's name, as the admin views print it.
CREATE FUNCTION rse_compat.format_encoding(integer) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE WHEN $1 = 0 THEN 'none' ELSE 'lzo' END $$;
--;
-- PG_TABLE_DEF: a row per column of each table visible under the search_path (docs: PG_TABLE_DEF).
CREATE VIEW rse_compat.pg_table_def AS
SELECT n.nspname AS schemaname, c.relname AS tablename, a.attname AS "column",
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  COALESCE(lower(ca.encoding), 'none')::character(32) AS encoding, a.attisdistkey AS distkey,
  a.attsortkeyord AS sortkey, a.attnotnull AS "notnull"
FROM pg_catalog.pg_namespace n
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid
JOIN rse_compat.pg_attribute a ON a.attrelid = c.oid
LEFT JOIN rse_meta.column_attributes ca ON ca.schema_name = n.nspname AND ca.relation_name = c.relname
  AND ca.column_name = a.attname
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
  AND pg_catalog.pg_table_is_visible(c.oid);
