CREATE VIEW shop.v_customer_orders AS
SELECT c.id, c.name, count(o.id) AS orders
FROM shop.customers c
LEFT JOIN shop.orders o ON o.customer_id = c.id
GROUP BY c.id, c.name;
