CREATE SCHEMA IF NOT EXISTS dw;
CREATE TABLE dw.orders (
    order_id    BIGINT IDENTITY(0, 1) ENCODE az64,
    customer_id INTEGER NOT NULL DISTKEY,
    order_date  DATE NOT NULL SORTKEY,
    status      CHAR(1) DEFAULT 'N' ENCODE bytedict,
    note        VARCHAR(MAX),
    remark      TEXT,
    payload     SUPER,
    amount      NUMERIC(12,2) DEFAULT 0.00 NOT NULL,
    created_at  TIMESTAMP DEFAULT GETDATE(),
    PRIMARY KEY (order_id),
    FOREIGN KEY (customer_id) REFERENCES dw.customers (customer_id)
)
BACKUP NO;
CREATE TABLE dw.order_copy (LIKE dw.orders INCLUDING DEFAULTS) DISTSTYLE EVEN;
CREATE TABLE dw.daily DISTSTYLE ALL SORTKEY AUTO AS
SELECT order_date, SUM(amount) AS total FROM dw.orders GROUP BY order_date;
ALTER TABLE dw.orders ADD COLUMN discount NUMERIC(8,2) DEFAULT 0 ENCODE az64;
ALTER TABLE dw.orders ALTER DISTSTYLE KEY DISTKEY order_id;
ALTER TABLE dw.orders ALTER COMPOUND SORTKEY (order_date, customer_id);
ALTER TABLE dw.orders RENAME COLUMN note TO comment;
ALTER TABLE dw.order_copy RENAME TO order_archive;
ALTER TABLE dw.orders ALTER COLUMN comment TYPE VARCHAR(70000);
