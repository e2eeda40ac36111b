CREATE OR REPLACE FUNCTION shop.f_domain(VARCHAR(MAX)) RETURNS VARCHAR(255) IMMUTABLE AS $$
    SELECT SPLIT_PART($1, '@', 2)
$$ LANGUAGE sql;

CREATE OR REPLACE PROCEDURE shop.sp_close_orders(cutoff IN TIMESTAMP, closed INOUT INT)
AS $$
BEGIN
    UPDATE shop.orders SET status = 'closed' WHERE ordered_at < cutoff AND status = 'open';
    GET DIAGNOSTICS closed := ROW_COUNT;
END;
$$ LANGUAGE plpgsql;

CREATE VIEW reporting.customer_domains AS
SELECT customer_id, shop.f_domain(email) AS domain FROM shop.customers;
