CREATE SCHEMA ops;
CREATE VIEW ops.v_sales_ops AS SELECT salesid, pricepaid FROM tickit.sales;
CREATE VIEW ops.v_big_sales AS SELECT salesid FROM ops.v_sales_ops WHERE pricepaid > 1000;
