CREATE SCHEMA dw;
CREATE TABLE dw.orders (id BIGINT, customer_id BIGINT);
CREATE VIEW dw.v_customer_orders AS
SELECT o.id, c.name
FROM dw.orders o
JOIN dw.customers c ON c.id = o.customer_id;
