DELETE FROM dw.orders WHERE id < 0;
TRUNCATE dw.orders;
