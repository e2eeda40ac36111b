ALTER TABLE dw.orders DROP COLUMN note;
ALTER TABLE dw.orders RENAME COLUMN total TO amount;
DROP VIEW dw.v_orders CASCADE;
-- redshift:lint ignore drop-table archived to S3 in TICKET-42
DROP TABLE dw.legacy;
DROP TABLE dw.orders;
