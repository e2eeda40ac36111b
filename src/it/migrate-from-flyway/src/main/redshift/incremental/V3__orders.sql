CREATE TABLE shop.orders (
    id          INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    amount      DECIMAL(12, 2)
);
