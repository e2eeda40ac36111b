CREATE OR REPLACE VIEW reporting.order_totals AS
WITH lines AS (
    SELECT order_id, SUM(quantity * unit_price) AS gross, COUNT(*) AS line_count
    FROM shop.order_lines
    GROUP BY order_id
)
SELECT o.order_id, o.customer_id, o.ordered_at, o.status, l.gross, l.line_count,
       ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at) AS order_seq
FROM shop.orders o
LEFT JOIN lines l ON l.order_id = o.order_id;

CREATE VIEW reporting.customer_value AS
SELECT c.customer_id, c."Display Name" AS display_name,
       COALESCE(SUM(t.gross), 0) AS lifetime_value,
       MAX(t.ordered_at) AS last_order_at,
       CASE WHEN DATEDIFF(d, MAX(t.ordered_at), GETDATE()) > 365 THEN 'lapsed' ELSE 'active' END AS state
FROM shop.customers c
LEFT JOIN reporting.order_totals t ON t.customer_id = c.customer_id
GROUP BY c.customer_id, c."Display Name";

CREATE VIEW reporting.monthly_sales AS
SELECT DATE_TRUNC('month', ordered_at) AS month, status, SUM(gross) AS gross
FROM reporting.order_totals
WHERE ordered_at >= DATEADD(mon, -24, DATE_TRUNC('month', GETDATE()))
GROUP BY 1, 2;

CREATE VIEW reporting.recent_orders AS
SELECT order_id, customer_id, ordered_at FROM shop.orders
WHERE ordered_at > DATEADD(day, -30, GETDATE())
WITH NO SCHEMA BINDING;

CREATE MATERIALIZED VIEW reporting.sku_daily
DISTKEY (sku)
SORTKEY (day)
AS
SELECT l.sku, TRUNC(o.ordered_at) AS day, SUM(l.quantity) AS units
FROM shop.order_lines l
JOIN shop.orders o ON o.order_id = l.order_id
GROUP BY l.sku, TRUNC(o.ordered_at);

CREATE VIEW reporting.customer_domains AS
SELECT customer_id, shop.f_domain(email) AS domain FROM shop.customers;
