-- Idioms of real Redshift projects that a plain PostgreSQL rejects.
-- Many model files create their schema IF NOT EXISTS (docs: CREATE SCHEMA).
CREATE SCHEMA IF NOT EXISTS mart;
CREATE SCHEMA IF NOT EXISTS mart;
-- CREATE TABLE IF NOT EXISTS of a table that exists changes nothing, its bookkeeping included (docs: CREATE TABLE).
CREATE TABLE IF NOT EXISTS mart.sales (id INT PRIMARY KEY, region VARCHAR(10) ENCODE zstd, amount DECIMAL(10, 2))
DISTKEY (id) SORTKEY (region);
CREATE TABLE IF NOT EXISTS mart.sales (id INT PRIMARY KEY, region VARCHAR(10) ENCODE zstd, amount DECIMAL(10, 2))
DISTKEY (id) SORTKEY (region);
CREATE TABLE mart.regions (region VARCHAR(10), name VARCHAR(40));
-- MEDIAN as a window function (docs: MEDIAN window function), and as an aggregate (docs: MEDIAN function).
CREATE VIEW mart.v_median AS
SELECT region, amount, MEDIAN(amount) OVER (PARTITION BY region) AS regional_median,
       MEDIAN(amount) OVER () AS overall_median
FROM mart.sales;
CREATE VIEW mart.v_region_median AS SELECT region, MEDIAN(amount) AS median_amount FROM mart.sales GROUP BY region;
-- Oracle-style outer joins in WHERE (docs: Oracle-style outer joins in the WHERE clause).
CREATE VIEW mart.v_outer AS
SELECT s.id, r.name FROM mart.sales s, mart.regions r WHERE s.region = r.region(+);
-- SQL UDFs and procedures take Redshift's types (docs: CREATE FUNCTION): VARCHAR(MAX) is VARCHAR(65535).
CREATE OR REPLACE FUNCTION mart.f_domain(VARCHAR(MAX)) RETURNS VARCHAR(MAX) IMMUTABLE AS $$
    SELECT SPLIT_PART($1, '@', 2)
$$ LANGUAGE sql;
CREATE OR REPLACE PROCEDURE mart.sp_note(note IN VARCHAR(MAX)) AS $$ BEGIN RAISE INFO '%', note; END $$ LANGUAGE plpgsql;
