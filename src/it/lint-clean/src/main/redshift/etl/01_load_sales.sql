-- Nightly load: stage the day's sales from S3, then merge them in.
CREATE TEMP TABLE stage_sales (LIKE tickit.sales);

COPY stage_sales
FROM 's3://tickit-landing/sales/'
IAM_ROLE 'arn:aws:iam::123456789012:role/tickit-load'
FORMAT AS CSV
DATEFORMAT 'auto'
TIMEFORMAT 'auto';

DELETE FROM tickit.sales
USING stage_sales
WHERE tickit.sales.salesid = stage_sales.salesid;

INSERT INTO tickit.sales (listid, sellerid, buyerid, eventid, dateid, qtysold, pricepaid, commission, saletime, channel)
SELECT listid, sellerid, buyerid, eventid, dateid, qtysold, pricepaid,
       NVL(commission, pricepaid * 0.15), saletime, COALESCE(channel, 'web')
FROM stage_sales;

REFRESH MATERIALIZED VIEW mart.mv_daily_revenue;
