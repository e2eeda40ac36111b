CREATE SCHEMA tickit;
CREATE SCHEMA mart;
CREATE EXTERNAL SCHEMA spectrum
FROM DATA CATALOG DATABASE 'tickit_archive'
IAM_ROLE 'arn:aws:iam::123456789012:role/spectrum-read';
COMMENT ON SCHEMA tickit IS 'TICKIT sales, as loaded from the ticketing system';
COMMENT ON SCHEMA mart IS 'Reporting views and aggregates';
