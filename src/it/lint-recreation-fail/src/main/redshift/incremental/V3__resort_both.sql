ALTER TABLE dw.orders RENAME TO orders_old;
CREATE TABLE dw.orders (id BIGINT, order_date DATE) SORTKEY (order_date);
INSERT INTO dw.orders (id, order_date) SELECT id, order_date FROM dw.orders_old;
DROP TABLE dw.orders_old;
ALTER TABLE dw.events RENAME TO events_old;
CREATE TABLE dw.events AS SELECT * FROM dw.events_old;
DROP TABLE dw.events_old;
