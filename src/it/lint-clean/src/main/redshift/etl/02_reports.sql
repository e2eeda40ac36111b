-- Weekly report queries, using Redshift functions.
SELECT catname, revenue, GETDATE() AS generated_at
FROM mart.v_top_categories
ORDER BY revenue DESC
LIMIT 10;

SELECT DATE_TRUNC('week', caldate) AS week,
       SUM(revenue) AS revenue,
       DATEADD(day, 6, DATE_TRUNC('week', caldate)) AS week_end
FROM mart.mv_daily_revenue
WHERE caldate >= DATEADD(month, -3, SYSDATE)
GROUP BY 1, 3
ORDER BY 1;

SELECT u.state,
       LISTAGG(DISTINCT u.city, ', ') WITHIN GROUP (ORDER BY u.city) AS cities,
       MEDIAN(s.pricepaid) AS median_price,
       DATEDIFF(day, MIN(s.saletime), MAX(s.saletime)) AS active_days
FROM tickit.sales s
JOIN tickit.users u ON u.userid = s.buyerid
GROUP BY u.state;

UNLOAD ('SELECT * FROM mart.v_sales_by_category')
TO 's3://tickit-exports/sales_by_category_'
IAM_ROLE 'arn:aws:iam::123456789012:role/tickit-export'
PARQUET;
