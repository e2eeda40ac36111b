MERGE INTO shop.customers
USING (SELECT 'a@example.com' AS email, 'Ann' AS name) src
ON shop.customers.email = src.email
WHEN MATCHED THEN UPDATE SET "Display Name" = src.name
WHEN NOT MATCHED THEN INSERT (email, "Display Name") VALUES (src.email, src.name);

SELECT customer_id, email INTO TEMP TABLE lapsed
FROM reporting.customer_value JOIN shop.customers USING (customer_id)
WHERE state = 'lapsed';

SELECT TOP 100 email, LEN(email) AS email_length, DECODE(country_code, 'DE', 'Germany', 'AT', 'Austria', 'other')
FROM shop.customers
WHERE customer_id IN (SELECT customer_id FROM lapsed)
ORDER BY signed_up_at DESC;

UNLOAD ('SELECT month, gross FROM reporting.monthly_sales WHERE month >= ''2024-01-01''')
TO 's3://shop-exports/monthly_'
IAM_ROLE 'arn:aws:iam::123456789012:role/shop-export'
CSV HEADER ALLOWOVERWRITE;

CALL shop.sp_close_orders(DATEADD(day, -90, GETDATE())::timestamp, 0);

SELECT customer_id, ST_AsText(ST_Point(13.4, 52.5)) AS office, MURMUR3_32_HASH(email) AS email_hash
FROM shop.customers;
