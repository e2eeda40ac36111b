CREATE TABLE shop.customers (
    id   INTEGER NOT NULL,
    name VARCHAR(100)
);
