CREATE SCHEMA dw;
CREATE TABLE dw.orders (
    order_id BIGINT NOT NULL,
    customer_id INTEGER NOT NULL,
    order_date DATE NOT NULL,
    note VARCHAR(200),
    discount DECIMAL(8, 2) DEFAULT 0 ENCODE az64
) DISTSTYLE EVEN SORTKEY (order_date, customer_id);
CREATE VIEW dw.v_orders AS SELECT order_id, customer_id, order_date, discount FROM dw.orders;
CREATE VIEW dw.v_daily AS SELECT order_date, COUNT(*) AS orders FROM dw.v_orders GROUP BY order_date;
GRANT SELECT ON dw.v_daily TO GROUP analysts;
GRANT SELECT ON dw.v_orders TO GROUP analysts;
COMMENT ON TABLE dw.orders IS 'One row per order';
