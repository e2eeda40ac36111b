CREATE SCHEMA dw;
CREATE TABLE dw.orders (id BIGINT, total NUMERIC(12,2), status CHAR(1));
CREATE VIEW dw.v_open AS SELECT id, total FROM dw.orders WHERE status = 'O';
CREATE VIEW dw.v_open_big AS SELECT id FROM dw.v_open WHERE total > 100;
