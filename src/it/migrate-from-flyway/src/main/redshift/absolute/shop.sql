CREATE SCHEMA shop;

CREATE TABLE shop.customers (
    id    INTEGER NOT NULL,
    name  VARCHAR(100),
    email VARCHAR(256)
);

CREATE TABLE shop.orders (
    id          INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    amount      DECIMAL(12, 2),
    ordered_on  DATE
);

CREATE VIEW shop.v_customer_orders AS
SELECT c.id, c.name, count(o.id) AS orders
FROM shop.customers c
LEFT JOIN shop.orders o ON o.customer_id = c.id
GROUP BY c.id, c.name;
