GRANT USAGE ON SCHEMA reporting TO GROUP bi;
GRANT SELECT ON reporting.customer_value, reporting.monthly_sales TO GROUP bi;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA shop TO etl_user;
REVOKE ALL ON SCHEMA shop FROM PUBLIC;
COMMENT ON TABLE shop.orders IS 'Orders as placed, one row per order';
COMMENT ON COLUMN shop.orders.total_amount IS 'Gross amount in EUR, including VAT';
COMMENT ON VIEW reporting.customer_value IS 'Lifetime value per customer';
