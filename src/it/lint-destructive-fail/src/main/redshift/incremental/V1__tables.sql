CREATE TABLE dw.orders (id BIGINT, total NUMERIC(12,2), note VARCHAR(64));
CREATE VIEW dw.v_orders AS SELECT id, total FROM dw.orders;
CREATE TABLE dw.legacy (id BIGINT);
