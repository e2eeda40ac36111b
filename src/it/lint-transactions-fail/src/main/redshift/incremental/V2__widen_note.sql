ALTER TABLE dw.orders ALTER COLUMN note TYPE VARCHAR(256);
COMMENT ON COLUMN dw.orders.note IS 'free text';
