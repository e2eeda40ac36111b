CREATE SCHEMA dw;
CREATE TABLE dw.orders (id BIGINT, total NUMERIC(12,2));
CREATE VIEW dw.v_orders AS SELECT id, total FROM dw.orders;
CREATE VIEW dw.v_big_orders AS SELECT id FROM dw.v_orders WHERE total > 100;
GRANT SELECT ON dw.v_big_orders TO GROUP analysts;
