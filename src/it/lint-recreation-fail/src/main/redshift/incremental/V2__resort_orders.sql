-- The naive deep copy: rows written between the INSERT and the DROP are lost.
CREATE TABLE dw.orders_new (LIKE dw.orders) SORTKEY (order_date);
INSERT INTO dw.orders_new SELECT * FROM dw.orders;
DROP TABLE dw.orders;
ALTER TABLE dw.orders_new RENAME TO orders;
