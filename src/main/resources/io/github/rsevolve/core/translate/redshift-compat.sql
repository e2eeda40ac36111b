-- Redshift functions PostgreSQL lacks, installed in schema rse_compat of each throwaway PostgreSQL database.
-- Each one mirrors the Redshift documentation of the function it names. Statements are separated by lines "--;".
-- NVL, DECODE, LISTAGG, MEDIAN, SYSDATE and APPROXIMATE are rewritten by the translator instead (QueryRewriter).

-- GETDATE(): the current date and time (start of the current statement in Redshift), without time zone.
CREATE FUNCTION rse_compat.getdate() RETURNS timestamp LANGUAGE sql STABLE AS $$ SELECT localtimestamp $$;
--;
-- NVL2(expr, not_null_value, null_value)
CREATE FUNCTION rse_compat.nvl2(anyelement, anycompatible, anycompatible) RETURNS anycompatible LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE WHEN $1 IS NOT NULL THEN $2 ELSE $3 END $$;
--;
-- LEN(expr): number of characters, trailing blanks of CHAR counted as Redshift does for VARCHAR.
CREATE FUNCTION rse_compat.len(text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT length($1) $$;
--;
-- CHARINDEX(substring, string): 1-based position, 0 when absent.
CREATE FUNCTION rse_compat.charindex(text, text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT strpos($2, $1) $$;
--;
-- PGDATE_PART(datepart, date|timestamp), DATE_PART's synonym (docs: DATE_PART function), and DATEPART, which Redshift
-- also runs (AWS's own admin view v_query_type_duration_summary uses it); the translator quotes datepart.
CREATE FUNCTION rse_compat.pgdate_part(text, timestamp) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT date_part($1, $2) $$;
--;
CREATE FUNCTION rse_compat.pgdate_part(text, timestamptz) RETURNS double precision LANGUAGE sql STABLE
AS $$ SELECT date_part($1, $2) $$;
--;
CREATE FUNCTION rse_compat.datepart(text, timestamp) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT date_part($1, $2) $$;
--;
CREATE FUNCTION rse_compat.datepart(text, timestamptz) RETURNS double precision LANGUAGE sql STABLE
AS $$ SELECT date_part($1, $2) $$;
--;
-- DATEADD(datepart, interval, date|timestamp): the translator quotes datepart, so it arrives as text.
CREATE FUNCTION rse_compat.dateadd(text, bigint, timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE
AS $$ SELECT $3 + make_interval(
  years => CASE WHEN lower($1) IN ('year','years','y','yr','yrs') THEN $2::int
                WHEN lower($1) IN ('decade','decades') THEN $2::int * 10
                WHEN lower($1) IN ('century','centuries') THEN $2::int * 100 ELSE 0 END,
  months => CASE WHEN lower($1) IN ('month','months','mon','mons') THEN $2::int
                 WHEN lower($1) IN ('quarter','quarters','qtr','qtrs') THEN $2::int * 3 ELSE 0 END,
  weeks => CASE WHEN lower($1) IN ('week','weeks','w') THEN $2::int ELSE 0 END,
  days => CASE WHEN lower($1) IN ('day','days','d') THEN $2::int ELSE 0 END,
  hours => CASE WHEN lower($1) IN ('hour','hours','h','hr','hrs') THEN $2::int ELSE 0 END,
  mins => CASE WHEN lower($1) IN ('minute','minutes','m','min','mins') THEN $2::int ELSE 0 END,
  secs => CASE WHEN lower($1) IN ('second','seconds','s','sec','secs') THEN $2
               WHEN lower($1) IN ('millisecond','milliseconds','ms','msec','msecs') THEN $2 / 1000.0
               WHEN lower($1) IN ('microsecond','microseconds','microsec','microsecs') THEN $2 / 1000000.0
               ELSE 0 END) $$;
--;
-- DATEDIFF(datepart, start, end): the number of datepart boundaries crossed, as Redshift counts them.
CREATE FUNCTION rse_compat.datediff(text, timestamp, timestamp) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE
  WHEN lower($1) IN ('year','years','y','yr','yrs') THEN extract(year FROM $3) - extract(year FROM $2)
  WHEN lower($1) IN ('quarter','quarters','qtr','qtrs') THEN
    (extract(year FROM $3) * 4 + extract(quarter FROM $3)) - (extract(year FROM $2) * 4 + extract(quarter FROM $2))
  WHEN lower($1) IN ('month','months','mon','mons') THEN
    (extract(year FROM $3) * 12 + extract(month FROM $3)) - (extract(year FROM $2) * 12 + extract(month FROM $2))
  WHEN lower($1) IN ('week','weeks','w') THEN
    (date_trunc('week', $3)::date - date_trunc('week', $2)::date) / 7
  WHEN lower($1) IN ('day','days','d') THEN $3::date - $2::date
  WHEN lower($1) IN ('hour','hours','h','hr','hrs') THEN
    floor(extract(epoch FROM date_trunc('hour', $3) - date_trunc('hour', $2)) / 3600)
  WHEN lower($1) IN ('minute','minutes','m','min','mins') THEN
    floor(extract(epoch FROM date_trunc('minute', $3) - date_trunc('minute', $2)) / 60)
  ELSE floor(extract(epoch FROM date_trunc('second', $3) - date_trunc('second', $2))) END::bigint $$;
--;
-- CONVERT_TIMEZONE([source,] target, timestamp): source defaults to UTC.
CREATE FUNCTION rse_compat.convert_timezone(text, text, timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE
AS $$ SELECT ($3 AT TIME ZONE $1) AT TIME ZONE $2 $$;
--;
CREATE FUNCTION rse_compat.convert_timezone(text, timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE
AS $$ SELECT ($2 AT TIME ZONE 'UTC') AT TIME ZONE $1 $$;
--;
-- JSON_EXTRACT_PATH_TEXT(json_string, path_elem, ...): Redshift takes the JSON as VARCHAR.
CREATE FUNCTION rse_compat.json_extract_path_text(text, VARIADIC text[]) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT json_extract_path_text($1::json, VARIADIC $2) $$;
--;
-- JSON_EXTRACT_ARRAY_ELEMENT_TEXT(json_array, pos): 0-based.
CREATE FUNCTION rse_compat.json_extract_array_element_text(text, integer) RETURNS text LANGUAGE sql IMMUTABLE
AS $$ SELECT ($1::json ->> $2) $$;
--;
-- JSON_ARRAY_LENGTH(json_array)
CREATE FUNCTION rse_compat.json_array_length(text) RETURNS integer LANGUAGE sql IMMUTABLE
AS $$ SELECT json_array_length($1::json) $$;
--;
-- IS_VALID_JSON(string)
CREATE FUNCTION rse_compat.is_valid_json(text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE
AS $$ BEGIN PERFORM $1::json; RETURN true; EXCEPTION WHEN others THEN RETURN false; END $$;
--;
-- JSON_PARSE(string) returns SUPER, which the translator maps to JSONB.
CREATE FUNCTION rse_compat.json_parse(text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT $1::jsonb $$;
--;
-- TRUNC(timestamp) returns the date.
CREATE FUNCTION rse_compat.trunc(timestamp) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT $1::date $$;
--;
-- ADD_MONTHS(date|timestamp, n)
CREATE FUNCTION rse_compat.add_months(timestamp, bigint) RETURNS timestamp LANGUAGE sql IMMUTABLE
AS $$ SELECT $1 + make_interval(months => $2::int) $$;
--;
-- MONTHS_BETWEEN(date1, date2)
CREATE FUNCTION rse_compat.months_between(date, date) RETURNS float8 LANGUAGE sql IMMUTABLE
AS $$ SELECT (extract(year FROM age($1, $2)) * 12 + extract(month FROM age($1, $2))
  + extract(day FROM age($1, $2)) / 31.0)::float8 $$;
--;
-- LAST_DAY(date)
CREATE FUNCTION rse_compat.last_day(date) RETURNS date LANGUAGE sql IMMUTABLE
AS $$ SELECT (date_trunc('month', $1) + interval '1 month - 1 day')::date $$;
--;
-- STRTOL(string, base)
CREATE FUNCTION rse_compat.strtol(text, integer) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE WHEN $2 = 16 THEN ('x' || lpad($1, 16, '0'))::bit(64)::bigint ELSE $1::bigint END $$;
--;
-- DATEADD and DATEDIFF take dates and timestamps with time zone too (PostgreSQL's DATE_TRUNC on a date returns one).
CREATE FUNCTION rse_compat.dateadd(text, bigint, timestamptz) RETURNS timestamp LANGUAGE sql STABLE
AS $$ SELECT rse_compat.dateadd($1, $2, $3::timestamp) $$;
--;
CREATE FUNCTION rse_compat.dateadd(text, bigint, date) RETURNS timestamp LANGUAGE sql IMMUTABLE
AS $$ SELECT rse_compat.dateadd($1, $2, $3::timestamp) $$;
--;
CREATE FUNCTION rse_compat.datediff(text, timestamptz, timestamptz) RETURNS bigint LANGUAGE sql STABLE
AS $$ SELECT rse_compat.datediff($1, $2::timestamp, $3::timestamp) $$;
--;
CREATE FUNCTION rse_compat.datediff(text, date, date) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT rse_compat.datediff($1, $2::timestamp, $3::timestamp) $$;
--;
-- DATEADD and DATEDIFF on TIME values (docs: DATEADD, DATEDIFF: "time" and "timetz" arguments).
CREATE FUNCTION rse_compat.dateadd(text, bigint, time) RETURNS time LANGUAGE sql IMMUTABLE
AS $$ SELECT rse_compat.dateadd($1, $2, DATE '2000-01-01' + $3)::time $$;
--;
CREATE FUNCTION rse_compat.datediff(text, time, time) RETURNS bigint LANGUAGE sql IMMUTABLE
AS $$ SELECT rse_compat.datediff($1, DATE '2000-01-01' + $2, DATE '2000-01-01' + $3) $$;
--;
-- JSON_TYPEOF(super): the type of a SUPER value, which the translator maps to JSONB.
CREATE FUNCTION rse_compat.json_typeof(jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT jsonb_typeof($1) $$;
--;
-- MEDIAN(expr) OVER (...), the window function (docs: MEDIAN window function): PostgreSQL's PERCENTILE_CONT is an
-- ordered-set aggregate and takes no OVER clause; an ordinary aggregate does. MEDIAN without OVER is rewritten.
CREATE FUNCTION rse_compat.median_of(double precision[]) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM unnest($1) AS v $$;
--;
CREATE AGGREGATE rse_compat.median(double precision) (SFUNC = array_append, STYPE = double precision[],
  FINALFUNC = rse_compat.median_of);
--;
-- ROUND(double precision, digits): Redshift rounds a DOUBLE PRECISION to digits places (docs: ROUND function);
-- PostgreSQL rounds only NUMERIC to places.
CREATE FUNCTION rse_compat.round(double precision, integer) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT round($1::numeric, $2)::double precision $$;
--;
-- LENGTH, LEN, LEFT, RIGHT, LPAD and RPAD of a number or a date: Redshift converts it to VARCHAR implicitly (docs: Type
-- compatibility and conversion, Implicit conversion types); PostgreSQL converts nothing to text implicitly.
DO $do$
DECLARE
  source_type text;
BEGIN
  FOREACH source_type IN ARRAY ARRAY['bigint', 'numeric', 'double precision', 'date', 'timestamp'] LOOP
    EXECUTE format('CREATE FUNCTION rse_compat.length(%s) RETURNS integer LANGUAGE sql IMMUTABLE '
      'AS $$ SELECT pg_catalog.length($1::text) $$', source_type);
    EXECUTE format('CREATE FUNCTION rse_compat.len(%s) RETURNS integer LANGUAGE sql IMMUTABLE '
      'AS $$ SELECT pg_catalog.length($1::text) $$', source_type);
    EXECUTE format('CREATE FUNCTION rse_compat.left(%s, integer) RETURNS text LANGUAGE sql IMMUTABLE '
      'AS $$ SELECT pg_catalog.left($1::text, $2) $$', source_type);
    EXECUTE format('CREATE FUNCTION rse_compat.right(%s, integer) RETURNS text LANGUAGE sql IMMUTABLE '
      'AS $$ SELECT pg_catalog.right($1::text, $2) $$', source_type);
    EXECUTE format('CREATE FUNCTION rse_compat.lpad(%s, integer, text) RETURNS text LANGUAGE sql IMMUTABLE '
      'AS $$ SELECT pg_catalog.lpad($1::text, $2, $3) $$', source_type);
    EXECUTE format('CREATE FUNCTION rse_compat.rpad(%s, integer, text) RETURNS text LANGUAGE sql IMMUTABLE '
      'AS $$ SELECT pg_catalog.rpad($1::text, $2, $3) $$', source_type);
  END LOOP;
END $do$;
--;
-- PG_LAST_COPY_ID, PG_LAST_COPY_COUNT, PG_LAST_QUERY_ID, PG_LAST_UNLOAD_ID, PG_LAST_UNLOAD_COUNT: the session's last
-- COPY, query or UNLOAD (docs: System information functions); -1 and 0 before any, as Redshift returns them.
CREATE FUNCTION rse_compat.pg_last_copy_id() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT -1 $$;
--;
CREATE FUNCTION rse_compat.pg_last_copy_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
--;
CREATE FUNCTION rse_compat.pg_last_query_id() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT -1 $$;
--;
CREATE FUNCTION rse_compat.pg_last_unload_id() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT -1 $$;
--;
CREATE FUNCTION rse_compat.pg_last_unload_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
--;
-- REPLICATE(string, n) is REPEAT; TEXTLEN(string) is LENGTH (docs: REPLICATE function, TEXTLEN function).
CREATE FUNCTION rse_compat.replicate(text, integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT repeat($1, $2) $$;
--;
CREATE FUNCTION rse_compat.textlen(text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT length($1) $$;
--;
-- DEXP, DLOG1 and DLOG10: e to the power, natural and base-10 logarithms (docs: DEXP, DLOG1 and DLOG10 functions).
CREATE FUNCTION rse_compat.dexp(double precision) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT exp($1) $$;
--;
CREATE FUNCTION rse_compat.dlog1(double precision) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT ln($1) $$;
--;
CREATE FUNCTION rse_compat.dlog10(double precision) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT log($1) $$;
--;
-- DATE_CMP, DATE_CMP_TIMESTAMP, DATE_CMP_TIMESTAMPTZ, TIMESTAMP_CMP, TIMESTAMP_CMP_DATE, TIMESTAMP_CMP_TIMESTAMPTZ,
-- TIMESTAMPTZ_CMP, TIMESTAMPTZ_CMP_DATE, TIMESTAMPTZ_CMP_TIMESTAMP and INTERVAL_CMP: -1, 0 or 1 as the first value is
-- before, equal to or after the second (docs: Date and time functions).
DO $do$
DECLARE
  signature text[];
BEGIN
  FOREACH signature SLICE 1 IN ARRAY ARRAY[['date_cmp', 'date', 'date'], ['date_cmp_timestamp', 'date', 'timestamp'],
      ['date_cmp_timestamptz', 'date', 'timestamptz'], ['timestamp_cmp', 'timestamp', 'timestamp'],
      ['timestamp_cmp_date', 'timestamp', 'date'], ['timestamp_cmp_timestamptz', 'timestamp', 'timestamptz'],
      ['timestamptz_cmp', 'timestamptz', 'timestamptz'], ['timestamptz_cmp_date', 'timestamptz', 'date'],
      ['timestamptz_cmp_timestamp', 'timestamptz', 'timestamp'], ['interval_cmp', 'interval', 'interval']] LOOP
    EXECUTE format('CREATE FUNCTION rse_compat.%s(%s, %s) RETURNS integer LANGUAGE sql STABLE '
      'AS $$ SELECT CASE WHEN $1 < $2 THEN -1 WHEN $1 > $2 THEN 1 ELSE 0 END $$',
      signature[1], signature[2], signature[3]);
  END LOOP;
END $do$;
--;
-- NEXT_DAY(date, day): the first date after the given one that falls on that day of the week, named or abbreviated
-- (docs: NEXT_DAY function).
CREATE FUNCTION rse_compat.next_day(date, text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
SELECT $1 + ((position(lower(left(trim($2), 2)) IN 'sumotuwethfrsa') + 1) / 2 - 1 - extract(dow FROM $1)::integer + 6)
  % 7 + 1 $$;
--;
-- IS_VALID_JSON_ARRAY(string) (docs: IS_VALID_JSON_ARRAY function).
CREATE FUNCTION rse_compat.is_valid_json_array(text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE
AS $$ BEGIN RETURN jsonb_typeof($1::jsonb) = 'array'; EXCEPTION WHEN others THEN RETURN false; END $$;
--;
-- CURRENT_USER_ID: the user's ID (docs: CURRENT_USER_ID); SLICE_NUM(): the slice a row is on (docs: SLICE_NUM).
CREATE FUNCTION rse_compat.current_user_id() RETURNS integer LANGUAGE sql STABLE
AS $$ SELECT oid::integer FROM pg_catalog.pg_roles WHERE rolname = current_user $$;
--;
CREATE FUNCTION rse_compat.slice_num() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT 0 $$;
--;
-- CHECKSUM(expression): an integer checksum of the value (docs: CHECKSUM function).
CREATE FUNCTION rse_compat.checksum(anyelement) RETURNS integer LANGUAGE sql IMMUTABLE
AS $$ SELECT hashtext($1::text) $$;
--;
-- PG_GET_LATE_BINDING_VIEW_COLS(): the columns of each late-binding view, read with a column definition list
-- (docs: PG_GET_LATE_BINDING_VIEW_COLS); PG_GET_COLS(view): one view's columns (docs: PG_GET_COLS).
CREATE FUNCTION rse_compat.pg_get_late_binding_view_cols() RETURNS SETOF record LANGUAGE sql STABLE AS $$
SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)::varchar, a.attnum::integer
FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN rse_meta.relation_attributes r ON r.schema_name = n.nspname AND r.relation_name = c.relname AND r.late_binding
WHERE a.attnum > 0 AND NOT a.attisdropped $$;
--;
CREATE FUNCTION rse_compat.pg_get_cols(text) RETURNS SETOF record LANGUAGE sql STABLE AS $$
SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)::varchar, a.attnum::integer
FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped $$;
--;
-- ANY_VALUE(expression) (docs: ANY_VALUE function), for PostgreSQL versions before 16, which lack it.
DO $do$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc WHERE proname = 'any_value'
      AND pronamespace = 'pg_catalog'::regnamespace) THEN
    CREATE FUNCTION rse_compat.any_value_keep(anyelement, anyelement) RETURNS anyelement LANGUAGE sql IMMUTABLE
      AS $f$ SELECT coalesce($1, $2) $f$;
    CREATE AGGREGATE rse_compat.any_value(anyelement) (SFUNC = rse_compat.any_value_keep, STYPE = anyelement);
  END IF;
END $do$;
--;
-- PERCENTILE_CONT and PERCENTILE_DISC ... WITHIN GROUP (ORDER BY expr) OVER (...), the window functions (docs:
-- PERCENTILE_CONT window function, PERCENTILE_DISC window function): PostgreSQL's ordered-set aggregates take no
-- OVER clause, so the translator calls these ordinary aggregates of (percentile, expr) instead. A schema check reads
-- their type only: the value is the median, or one of the values.
CREATE FUNCTION rse_compat.percentile_collect(double precision[], double precision, double precision)
RETURNS double precision[] LANGUAGE sql IMMUTABLE AS $$ SELECT array_append($1, $3) $$;
--;
CREATE FUNCTION rse_compat.percentile_of(double precision[]) RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM unnest($1) AS v $$;
--;
CREATE AGGREGATE rse_compat.percentile_cont_over(double precision, double precision) (
  SFUNC = rse_compat.percentile_collect, STYPE = double precision[], FINALFUNC = rse_compat.percentile_of);
--;
CREATE FUNCTION rse_compat.percentile_keep(anyelement, double precision, anyelement) RETURNS anyelement
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce($1, $3) $$;
--;
CREATE AGGREGATE rse_compat.percentile_disc_over(double precision, anyelement) (
  SFUNC = rse_compat.percentile_keep, STYPE = anyelement);
--;
-- string + string concatenates, as || does: Redshift runs it (AWS's own admin views in amazon-redshift-utils build
-- their DDL text with it), though the Developer Guide documents only || (docs: Concatenation operator).
CREATE OPERATOR rse_compat.+ (LEFTARG = text, RIGHTARG = text, FUNCTION = textcat);
--;
-- Redshift converts SMALLINT, INTEGER and BIGINT to BOOLEAN implicitly (docs: Type compatibility and conversion,
-- Implicit conversion types), so CASE WHEN REGEXP_INSTR(...) THEN and WHERE STRPOS(...) run. An assignment cast is
-- what PostgreSQL applies to a condition; a server user without the right to change casts keeps PostgreSQL's rule.
CREATE FUNCTION rse_compat.int8_bool(bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 <> 0 $$;
--;
CREATE FUNCTION rse_compat.int2_bool(smallint) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 <> 0 $$;
--;
DO $$ BEGIN
  UPDATE pg_catalog.pg_cast SET castcontext = 'a'
   WHERE castsource = 'integer'::regtype AND casttarget = 'boolean'::regtype;
  CREATE CAST (bigint AS boolean) WITH FUNCTION rse_compat.int8_bool(bigint) AS ASSIGNMENT;
  CREATE CAST (smallint AS boolean) WITH FUNCTION rse_compat.int2_bool(smallint) AS ASSIGNMENT;
EXCEPTION WHEN insufficient_privilege OR duplicate_object THEN NULL;
END $$;
--;
-- A DATE plus or minus a number of days of any integer type (docs: Datetime types, date arithmetic), such as the
-- BIGINT of ROW_NUMBER(); PostgreSQL has date +/- integer only. SMALLINT gets its own so that it stays unambiguous.
DO $$
DECLARE
  days text;
BEGIN
  FOREACH days IN ARRAY ARRAY['bigint', 'smallint'] LOOP
    EXECUTE format('CREATE FUNCTION rse_compat.date_plus_days(date, %s) RETURNS date LANGUAGE sql IMMUTABLE '
      'AS $f$ SELECT $1 + $2::integer $f$', days);
    EXECUTE format('CREATE FUNCTION rse_compat.date_minus_days(date, %s) RETURNS date LANGUAGE sql IMMUTABLE '
      'AS $f$ SELECT $1 - $2::integer $f$', days);
    EXECUTE format('CREATE FUNCTION rse_compat.days_plus_date(%s, date) RETURNS date LANGUAGE sql IMMUTABLE '
      'AS $f$ SELECT $2 + $1::integer $f$', days);
    EXECUTE format('CREATE OPERATOR rse_compat.+ (LEFTARG = date, RIGHTARG = %s, FUNCTION = rse_compat.date_plus_days)', days);
    EXECUTE format('CREATE OPERATOR rse_compat.- (LEFTARG = date, RIGHTARG = %s, FUNCTION = rse_compat.date_minus_days)', days);
    EXECUTE format('CREATE OPERATOR rse_compat.+ (LEFTARG = %s, RIGHTARG = date, FUNCTION = rse_compat.days_plus_date)', days);
  END LOOP;
END $$;
--;
-- Raises the error Redshift raises for a statement it rejects and PostgreSQL would accept; the translator's guards
-- call it (StandInRule), naming the rule and the Redshift documentation section.
CREATE FUNCTION rse_compat.redshift_rejects(rule text, message text) RETURNS boolean LANGUAGE plpgsql
AS $$ BEGIN RAISE EXCEPTION 'Redshift rejects this [%]: %', rule, message; END $$;
--;
-- Before a column's type changes, the byte checks of its old length go (ALTER COLUMN ... TYPE adds the new one).
CREATE FUNCTION rse_compat.drop_byte_checks(relation regclass, column_name name) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  check_name name;
BEGIN
  FOR check_name IN SELECT c.conname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid
      AND a.attnum = ANY (c.conkey) WHERE c.conrelid = relation AND c.contype = 'c' AND a.attname = column_name
      AND pg_get_constraintdef(c.oid) LIKE '%fits_bytes%' LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', relation, check_name);
  END LOOP;
END $$;
