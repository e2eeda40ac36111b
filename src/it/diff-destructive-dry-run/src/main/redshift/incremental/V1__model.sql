CREATE SCHEMA dw;
CREATE TABLE dw.orders (order_id BIGINT NOT NULL, note VARCHAR(50));
CREATE TABLE dw.audit (event VARCHAR(100));
GRANT SELECT ON dw.orders TO GROUP analysts;
