SET search_path TO shop, public;

CREATE TEMP TABLE #stage_orders (LIKE shop.orders);

COPY #stage_orders (order_id, customer_id, ordered_at, status, total_amount, note)
FROM 's3://shop-landing/orders/'
IAM_ROLE 'arn:aws:iam::123456789012:role/shop-load'
FORMAT AS JSON 'auto'
TIMEFORMAT 'auto';

UPDATE orders
SET status = s.status, total_amount = s.total_amount
FROM #stage_orders s
WHERE orders.order_id = s.order_id;

INSERT INTO orders (order_id, customer_id, ordered_at, status, total_amount, note)
SELECT s.order_id, s.customer_id, s.ordered_at, s.status, s.total_amount, NVL(s.note, '')
FROM #stage_orders s
LEFT JOIN orders o ON o.order_id = s.order_id
WHERE o.order_id IS NULL;
