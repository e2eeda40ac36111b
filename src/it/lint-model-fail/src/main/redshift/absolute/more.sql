CREATE TABLE dw.orders (id BIGINT);
