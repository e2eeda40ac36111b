CREATE SCHEMA dw;
CREATE TABLE dw.orders (
    order_id BIGINT NOT NULL,
    customer_id INTEGER NOT NULL,
    order_date DATE NOT NULL,
    note VARCHAR(50)
) DISTKEY (customer_id) SORTKEY (order_date);
CREATE VIEW dw.v_orders AS SELECT order_id, customer_id, order_date FROM dw.orders;
CREATE VIEW dw.v_daily AS SELECT order_date, COUNT(*) AS orders FROM dw.v_orders GROUP BY order_date;
GRANT SELECT ON dw.v_daily TO GROUP analysts;
