CREATE VIEW mart.v_event_sales AS
SELECT e.eventid, e.eventname, c.catgroup, c.catname, d.caldate, s.qtysold, s.pricepaid
FROM tickit.sales s
JOIN tickit.event e ON e.eventid = s.eventid
JOIN tickit.category c ON c.catid = e.catid
JOIN tickit.date d ON d.dateid = s.dateid;

CREATE VIEW mart.v_sales_by_category AS
SELECT catgroup, catname, SUM(qtysold) AS tickets, SUM(pricepaid) AS revenue
FROM mart.v_event_sales
GROUP BY catgroup, catname;

CREATE VIEW mart.v_top_categories AS
SELECT catname, revenue
FROM mart.v_sales_by_category
WHERE revenue > (SELECT AVG(revenue) FROM mart.v_sales_by_category);

CREATE VIEW mart.v_all_sales AS
SELECT salesid, pricepaid, saletime FROM tickit.sales
UNION ALL
SELECT salesid, pricepaid, saletime FROM spectrum.sales_archive
WITH NO SCHEMA BINDING;

CREATE MATERIALIZED VIEW mart.mv_daily_revenue
DISTSTYLE EVEN
SORTKEY (caldate)
AUTO REFRESH YES
AS
SELECT d.caldate, SUM(s.pricepaid) AS revenue, COUNT(*) AS sales
FROM tickit.sales s
JOIN tickit.date d ON d.dateid = s.dateid
GROUP BY d.caldate;

COMMENT ON VIEW mart.v_top_categories IS 'Categories with above-average revenue';
