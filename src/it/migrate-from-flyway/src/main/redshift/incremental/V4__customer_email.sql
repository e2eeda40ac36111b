ALTER TABLE shop.customers ADD COLUMN email VARCHAR(256);
