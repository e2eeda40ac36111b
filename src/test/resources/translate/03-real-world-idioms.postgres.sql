CREATE SCHEMA IF NOT EXISTS "mart";
CREATE SCHEMA IF NOT EXISTS "mart";
CREATE TABLE IF NOT EXISTS "mart"."sales" (
    "id" int NOT NULL,
    "region" varchar(10) CHECK (rse_compat.fits_bytes("region"::text, 10, 'varchar')),
    "amount" decimal(10,2)
);
INSERT INTO rse_meta.column_attributes SELECT 'mart', 'sales', 'id', NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
INSERT INTO rse_meta.constraints SELECT 'mart', 'sales', 'PRIMARY KEY', 'id', NULL WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
INSERT INTO rse_meta.column_attributes SELECT 'mart', 'sales', 'region', 'zstd', NULL WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
INSERT INTO rse_meta.column_attributes SELECT 'mart', 'sales', 'amount', NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
INSERT INTO rse_meta.relation_attributes SELECT 'mart', 'sales', 'KEY', 'id', 'COMPOUND', 'region', 'YES', false, NULL, false WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
CREATE TABLE IF NOT EXISTS "mart"."sales" (
    "id" int NOT NULL,
    "region" varchar(10) CHECK (rse_compat.fits_bytes("region"::text, 10, 'varchar')),
    "amount" decimal(10,2)
);
INSERT INTO rse_meta.column_attributes SELECT 'mart', 'sales', 'id', NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
INSERT INTO rse_meta.constraints SELECT 'mart', 'sales', 'PRIMARY KEY', 'id', NULL WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
INSERT INTO rse_meta.column_attributes SELECT 'mart', 'sales', 'region', 'zstd', NULL WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
INSERT INTO rse_meta.column_attributes SELECT 'mart', 'sales', 'amount', NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
INSERT INTO rse_meta.relation_attributes SELECT 'mart', 'sales', 'KEY', 'id', 'COMPOUND', 'region', 'YES', false, NULL, false WHERE NOT EXISTS (SELECT 1 FROM rse_meta.relation_attributes WHERE schema_name = 'mart' AND relation_name = 'sales');
CREATE TABLE "mart"."regions" (
    "region" varchar(10) CHECK (rse_compat.fits_bytes("region"::text, 10, 'varchar')),
    "name" varchar(40) CHECK (rse_compat.fits_bytes("name"::text, 40, 'varchar'))
);
INSERT INTO rse_meta.relation_attributes VALUES ('mart', 'regions', 'AUTO', NULL, 'AUTO', '', 'YES', false, NULL, false);
INSERT INTO rse_meta.column_attributes VALUES ('mart', 'regions', 'region', NULL, NULL);
INSERT INTO rse_meta.column_attributes VALUES ('mart', 'regions', 'name', NULL, NULL);
CREATE VIEW "mart"."v_median" AS
SELECT region, amount, rse_compat.median(amount) OVER (PARTITION BY region) AS regional_median,
       rse_compat.median(amount) OVER () AS overall_median
FROM mart.sales;
CREATE VIEW "mart"."v_region_median" AS
SELECT region, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median_amount FROM mart.sales GROUP BY region;
CREATE VIEW "mart"."v_outer" AS
SELECT s.id, r.name FROM mart.sales s, mart.regions r WHERE s.region = r.region;
CREATE OR REPLACE FUNCTION mart.f_domain(VARCHAR(65535)) RETURNS varchar(65535) IMMUTABLE AS $$
    SELECT SPLIT_PART($1, '@', 2)
$$ LANGUAGE sql;
CREATE OR REPLACE PROCEDURE mart.sp_note(IN note VARCHAR(65535)) AS $$ BEGIN RAISE INFO '%', note; END $$ LANGUAGE plpgsql;
