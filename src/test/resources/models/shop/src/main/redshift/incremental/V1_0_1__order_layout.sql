-- redshift:lint ignore rename the column is read by no view yet; ETL changed in the same release
ALTER TABLE shop.orders RENAME COLUMN remark TO note;
ALTER TABLE shop.orders ALTER DISTKEY customer_id;
ALTER TABLE shop.orders ALTER COMPOUND SORTKEY (ordered_at, order_id);
ALTER TABLE shop.customers ADD COLUMN is_active BOOLEAN DEFAULT TRUE;
