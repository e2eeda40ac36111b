CREATE VIEW "dw"."v_report" AS
SELECT order_date,
       coalesce(status, 'X') AS status,
       CASE status WHEN 'N' THEN 'new' WHEN 'S' THEN 'shipped' ELSE 'other' END AS status_name,
       string_agg(DISTINCT status, ', ' ORDER BY status) AS statuses,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median_amount,
        COUNT(DISTINCT customer_id) AS customers,
       DATEADD('day', 7, order_date) AS week_later,
       DATEDIFF('month', MIN(created_at), localtimestamp) AS months,
       CONVERT_TIMEZONE('UTC', 'Europe/Berlin', MAX(created_at)) AS berlin,
       payload::VARCHAR(65535) AS payload_text
FROM dw.orders
GROUP BY order_date, status, payload;
CREATE VIEW "dw"."v_late" AS
SELECT * FROM dw.orders;
INSERT INTO rse_meta.relation_attributes VALUES ('dw', 'v_late', 'AUTO', NULL, 'AUTO', '', 'YES', false, NULL, true);
CREATE MATERIALIZED VIEW "dw"."mv_daily" AS
SELECT order_date, COUNT(*) AS n FROM dw.orders GROUP BY order_date;
INSERT INTO rse_meta.relation_attributes VALUES ('dw', 'mv_daily', 'EVEN', NULL, 'COMPOUND', 'order_date', 'YES', false, 'YES', false);
COMMENT ON TABLE dw.orders IS 'One row per order';
COMMENT ON COLUMN dw.orders.amount IS 'Gross, in EUR';
INSERT INTO rse_meta.grants (revoke, privileges, object_type, objects, grantees) VALUES (false, 'SELECT', 'ALL TABLES IN SCHEMA', 'dw', 'group analysts');
INSERT INTO rse_meta.grants (revoke, privileges, object_type, objects, grantees) VALUES (true, 'ALL', 'TABLE', 'dw.orders', 'public');
SET search_path TO dw, public, rse_compat;
SELECT LEN('abc'), CHARINDEX('b', 'abc'), JSON_EXTRACT_PATH_TEXT('{"a":{"b":1}}', 'a', 'b'), TRUNC(GETDATE());
CREATE TEMPORARY TABLE "#stage" (
    LIKE "dw"."orders"
);
INSERT INTO "#stage" SELECT * FROM dw.orders WHERE status = 'it\'s';
-- skipped: COPY loads files from S3 or other AWS sources, which a throwaway database cannot reach
-- skipped: VACUUM maintains storage and statistics; it does not change the schema
-- skipped: Redshift Spectrum and federated objects (external schemas and tables) have no PostgreSQL equivalent
-- skipped: users are cluster-wide; a throwaway database does not create or change them
DROP TABLE dw.daily;
DELETE FROM rse_meta.relation_attributes WHERE schema_name = 'dw' AND relation_name = 'daily';
DELETE FROM rse_meta.column_attributes WHERE schema_name = 'dw' AND relation_name = 'daily';
DELETE FROM rse_meta.constraints WHERE schema_name = 'dw' AND relation_name = 'daily';
CREATE TABLE "dw"."audit" (
    "id" int,
    "at" timestamp DEFAULT localtimestamp,
    "day" date DEFAULT TRUNC(GETDATE())
);
INSERT INTO rse_meta.relation_attributes VALUES ('dw', 'audit', 'AUTO', NULL, 'AUTO', '', 'YES', false, NULL, false);
INSERT INTO rse_meta.column_attributes VALUES ('dw', 'audit', 'id', NULL, NULL);
INSERT INTO rse_meta.column_attributes VALUES ('dw', 'audit', 'at', NULL, NULL);
INSERT INTO rse_meta.column_attributes VALUES ('dw', 'audit', 'day', NULL, NULL);
SELECT   CAST(order_id AS varchar(65535)) AS id_text, (SELECT   status FROM dw.orders LIMIT 1) AS first_status
FROM dw.orders ORDER BY order_id LIMIT 5;
