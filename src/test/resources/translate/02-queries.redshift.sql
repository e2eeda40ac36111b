CREATE VIEW dw.v_report AS
SELECT order_date,
       NVL(status, 'X') AS status,
       DECODE(status, 'N', 'new', 'S', 'shipped', 'other') AS status_name,
       LISTAGG(DISTINCT status, ', ') WITHIN GROUP (ORDER BY status) AS statuses,
       MEDIAN(amount) AS median_amount,
       APPROXIMATE COUNT(DISTINCT customer_id) AS customers,
       DATEADD(day, 7, order_date) AS week_later,
       DATEDIFF(month, MIN(created_at), SYSDATE) AS months,
       CONVERT_TIMEZONE('UTC', 'Europe/Berlin', MAX(created_at)) AS berlin,
       payload::VARCHAR(MAX) AS payload_text
FROM dw.orders
GROUP BY order_date, status, payload;
CREATE VIEW dw.v_late AS SELECT * FROM dw.orders WITH NO SCHEMA BINDING;
CREATE MATERIALIZED VIEW dw.mv_daily DISTSTYLE EVEN SORTKEY (order_date) AUTO REFRESH YES AS
SELECT order_date, COUNT(*) AS n FROM dw.orders GROUP BY order_date;
COMMENT ON TABLE dw.orders IS 'One row per order';
COMMENT ON COLUMN dw.orders.amount IS 'Gross, in EUR';
GRANT SELECT ON ALL TABLES IN SCHEMA dw TO GROUP analysts;
REVOKE ALL ON dw.orders FROM PUBLIC;
SET search_path TO dw, public;
SELECT LEN('abc'), CHARINDEX('b', 'abc'), JSON_EXTRACT_PATH_TEXT('{"a":{"b":1}}', 'a', 'b'), TRUNC(GETDATE());
CREATE TEMP TABLE #stage (LIKE dw.orders);
INSERT INTO #stage SELECT * FROM dw.orders WHERE status = 'it\'s';
COPY dw.orders FROM 's3://bucket/orders/' IAM_ROLE default FORMAT AS PARQUET;
VACUUM dw.orders;
CREATE EXTERNAL SCHEMA spectrum FROM DATA CATALOG DATABASE 'db' IAM_ROLE default;
CREATE USER etl PASSWORD DISABLE;
DROP TABLE dw.daily;
CREATE TABLE dw.audit (id INT, at TIMESTAMP DEFAULT SYSDATE, day DATE DEFAULT TRUNC(GETDATE()));
SELECT TOP 5 CONVERT(VARCHAR(MAX), order_id) AS id_text, (SELECT TOP 1 status FROM dw.orders) AS first_status
FROM dw.orders ORDER BY order_id;
