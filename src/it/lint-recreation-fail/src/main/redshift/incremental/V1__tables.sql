CREATE TABLE dw.orders (id BIGINT, order_date DATE);
CREATE TABLE dw.events (id BIGINT);
