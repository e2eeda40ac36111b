CREATE TABLE dw.orders (id BIGINT, note VARCHAR(64));
