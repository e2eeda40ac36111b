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
--;
-- SVV_REDSHIFT_COLUMNS: a row per column of the database's tables and materialized views, with its encoding, whether
-- it is the distribution key and its place in the sort key (docs: SVV_REDSHIFT_COLUMNS). A column written without
-- ENCODE has the encoding Redshift gives it (docs: Compression encodings: RAW for sort key columns and BOOLEAN, REAL,
-- DOUBLE PRECISION; AZ64 for SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP, TIMESTAMPTZ; LZO for CHAR and
-- VARCHAR), printed as PG_TABLE_DEF prints RAW: none. An IDENTITY column's default is printed as Redshift prints it,
-- "identity"(table, column, 'seed,step').
CREATE VIEW rse_compat.svv_redshift_columns AS
SELECT current_database()::varchar(128) AS database_name, n.nspname::varchar(128) AS schema_name,
  c.relname::varchar(128) AS table_name, a.attname::varchar(128) AS column_name, a.attnum::integer AS ordinal_position,
  pg_catalog.format_type(a.atttypid, a.atttypmod)::varchar(32) AS data_type,
  (CASE WHEN ca.identity IS NOT NULL THEN '"identity"(' || c.oid || ', ' || (a.attnum - 1) || ', '''
    || ca.identity || '''::text)' ELSE pg_catalog.pg_get_expr(d.adbin, d.adrelid) END)::varchar(4000) AS column_default,
  (CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END)::varchar(3) AS is_nullable,
  COALESCE(NULLIF(lower(ca.encoding), 'raw'), CASE WHEN ca.encoding IS NOT NULL OR ra.attsortkeyord <> 0
    OR t.typname IN ('bool', 'float4', 'float8') THEN 'none'
    WHEN t.typname IN ('int2', 'int4', 'int8', 'numeric', 'date', 'timestamp', 'timestamptz') THEN 'az64'
    WHEN t.typname IN ('bpchar', 'varchar') THEN 'lzo' ELSE 'none' END)::varchar(128) AS encoding,
  ra.attisdistkey AS distkey, ra.attsortkeyord AS sortkey, NULL::varchar(128) AS column_acl,
  pg_catalog.col_description(c.oid, a.attnum)::varchar(256) AS remarks
FROM pg_catalog.pg_attribute a
JOIN rse_compat.pg_attribute ra ON ra.attrelid = a.attrelid AND ra.attnum = a.attnum
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN rse_meta.column_attributes ca ON ca.schema_name = n.nspname AND ca.relation_name = c.relname
  AND ca.column_name = a.attname
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'rse_meta', 'rse_compat') AND n.nspname NOT LIKE 'pg_t%';
--;
-- STV_TBL_PERM: a row per table and slice (one slice here) with whether the table is in snapshots, BACKUP (docs:
-- STV_TBL_PERM: backup 1 = yes, 0 = no).
CREATE VIEW rse_compat.stv_tbl_perm AS
SELECT 0 AS slice, c.oid::integer AS id, c.relname::character(72) AS name, 0::bigint AS rows, 0::bigint AS sorted_rows,
  0 AS temp, 1 AS db_id, 0 AS insert_pristine, 0 AS delete_pristine,
  CASE WHEN r.backup = 'NO' THEN 0 ELSE 1 END AS backup, cl.releffectivediststyle AS dist_style, 0 AS block_count
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN rse_compat.pg_class cl ON cl.oid = c.oid
LEFT JOIN rse_meta.relation_attributes r ON r.schema_name = n.nspname AND r.relation_name = c.relname
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'rse_meta', 'rse_compat') AND n.nspname NOT LIKE 'pg_t%';
--;
-- STV_MV_INFO: a row per materialized view, autorefresh 't' when it refreshes itself (docs: STV_MV_INFO).
CREATE VIEW rse_compat.stv_mv_info AS
SELECT current_database()::char(128) AS db_name, n.nspname::char(128) AS schema, c.relname::char(128) AS name,
  0::bigint AS updated_upto_xid, 'f'::char(1) AS is_stale, pg_catalog.pg_get_userbyid(c.relowner)::char(128)
    AS owner_user_name, 0 AS state, 'f'::char(1) AS autorewrite,
  (CASE WHEN r.auto_refresh = 'YES' THEN 't' ELSE 'f' END)::char(1) AS autorefresh
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN rse_meta.relation_attributes r ON r.schema_name = n.nspname AND r.relation_name = c.relname
WHERE c.relkind = 'm';
--;
-- SVV_TABLE_INFO: a row per table that holds data (docs: SVV_TABLE_INFO shows no empty table), with its distribution
-- style and first sort key column as Redshift prints them: AUTO(ALL), AUTO(SORTKEY), ENCODE AUTO as 'Y, AUTO(ENCODE)'.
CREATE VIEW rse_compat.svv_table_info AS
SELECT current_database()::text AS database, n.nspname::text AS schema, c.oid AS table_id, c.relname::text AS "table",
  (CASE WHEN r.encode_auto THEN 'Y, AUTO(ENCODE)' ELSE 'Y' END)::text AS encoded,
  (CASE r.dist_style WHEN 'KEY' THEN 'KEY(' || r.dist_key || ')' WHEN 'AUTO' THEN 'AUTO(ALL)'
    ELSE r.dist_style END)::text AS diststyle,
  (CASE WHEN r.sort_style = 'AUTO' THEN 'AUTO(SORTKEY)' ELSE split_part(r.sort_keys, ',', 1) END)::text AS sortkey1,
  NULL::integer AS max_varchar, NULL::character(32) AS sortkey1_enc,
  (CASE WHEN r.sort_keys = '' THEN 0 ELSE array_length(string_to_array(r.sort_keys, ','), 1) END)::integer
    AS sortkey_num,
  0::bigint AS size, 0::numeric(10,4) AS pct_used, 0::bigint AS empty, 0::numeric(5,2) AS unsorted,
  0::numeric(5,2) AS stats_off, c.reltuples::numeric(38,0) AS tbl_rows, NULL::numeric(19,2) AS skew_sortkey1,
  NULL::numeric(19,2) AS skew_rows, c.reltuples::numeric(38,0) AS estimated_visible_rows, NULL::text AS risk_event,
  NULL::numeric(12,2) AS vacuum_sort_benefit, NULL::timestamp AS create_time
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN rse_meta.relation_attributes r ON r.schema_name = n.nspname AND r.relation_name = c.relname
WHERE c.relkind IN ('r', 'p') AND EXISTS (SELECT 1 FROM pg_catalog.pg_stat_user_tables s
  WHERE s.relid = c.oid AND s.n_live_tup > 0);
--;
-- SVV_RELATION_PRIVILEGES: the privileges granted on tables and views to users, groups, roles and PUBLIC after every
-- GRANT and REVOKE, one privilege type a row (docs: SVV_RELATION_PRIVILEGES: INSERT, SELECT, UPDATE, DELETE,
-- REFERENCES or DROP; ALL is all of them). A grant ON ALL TABLES IN SCHEMA is one row for each table and view of the
-- schema (docs: GRANT: the tables and views that exist when it runs; here, the ones that exist when it is read).
CREATE VIEW rse_compat.svv_relation_privileges AS
WITH single AS (
  SELECT g.seq, g.revoke, p.privilege, o.object, e.grantee
  FROM rse_meta.grants g
  CROSS JOIN LATERAL unnest(string_to_array(g.privileges, ',')) AS p0(privilege0)
  CROSS JOIN LATERAL unnest(CASE WHEN upper(p0.privilege0) LIKE 'ALL%'
    THEN ARRAY['INSERT', 'SELECT', 'UPDATE', 'DELETE', 'REFERENCES', 'DROP'] ELSE ARRAY[upper(p0.privilege0)] END)
    AS p(privilege)
  CROSS JOIN LATERAL unnest(string_to_array(g.objects, ',')) AS o0(object0)
  CROSS JOIN LATERAL (SELECT CASE WHEN position('.' IN o0.object0) > 0 THEN o0.object0
      ELSE 'public.' || o0.object0 END AS object WHERE g.object_type = 'TABLE'
    UNION ALL
    SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE g.object_type = 'ALL TABLES IN SCHEMA' AND n.nspname = o0.object0 AND c.relkind IN ('r', 'p', 'v', 'm')) o
  CROSS JOIN LATERAL unnest(string_to_array(g.grantees, ',')) AS e(grantee)
  WHERE g.object_type IN ('TABLE', 'ALL TABLES IN SCHEMA')
), latest AS (
  SELECT DISTINCT ON (privilege, object, grantee) revoke, privilege, object, grantee
  FROM single ORDER BY privilege, object, grantee, seq DESC
)
SELECT split_part(object, '.', 1)::text AS namespace_name, split_part(object, '.', 2)::text AS relation_name,
  privilege::text AS privilege_type, 0 AS identity_id,
  (CASE WHEN grantee LIKE 'group %' OR grantee LIKE 'role %' THEN substr(grantee, strpos(grantee, ' ') + 1)
    ELSE grantee END)::text AS identity_name,
  (CASE WHEN grantee LIKE 'group %' THEN 'group' WHEN grantee LIKE 'role %' THEN 'role'
    WHEN grantee = 'public' THEN 'public' ELSE 'user' END)::text AS identity_type, false AS admin_option
FROM latest WHERE NOT revoke;
