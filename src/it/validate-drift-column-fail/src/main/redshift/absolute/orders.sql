CREATE SCHEMA dw;
CREATE TABLE dw.orders (
    id       BIGINT NOT NULL,
    total    NUMERIC(12,2),
    discount NUMERIC(8,2)
)
DISTKEY (id);
