ALTER TABLE shop.orders ADD COLUMN ordered_on DATE;
