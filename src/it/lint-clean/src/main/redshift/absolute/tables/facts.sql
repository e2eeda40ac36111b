CREATE TABLE tickit.event (
    eventid   INTEGER NOT NULL ENCODE az64 DISTKEY,
    venueid   SMALLINT NOT NULL ENCODE az64,
    catid     SMALLINT NOT NULL ENCODE az64,
    dateid    SMALLINT NOT NULL ENCODE raw,
    eventname VARCHAR(200) ENCODE lzo,
    starttime TIMESTAMP ENCODE az64
)
SORTKEY (dateid);

CREATE TABLE tickit.sales (
    salesid    BIGINT IDENTITY(1, 1) ENCODE az64,
    listid     INTEGER NOT NULL ENCODE az64,
    sellerid   INTEGER NOT NULL ENCODE az64,
    buyerid    INTEGER NOT NULL ENCODE az64,
    eventid    INTEGER NOT NULL ENCODE az64,
    dateid     SMALLINT NOT NULL ENCODE raw,
    qtysold    SMALLINT NOT NULL ENCODE az64,
    pricepaid  DECIMAL(8,2) ENCODE az64,
    commission DECIMAL(8,2) ENCODE az64,
    saletime   TIMESTAMP ENCODE az64,
    channel    VARCHAR(16) DEFAULT 'web' ENCODE zstd
)
DISTSTYLE KEY
DISTKEY (listid)
COMPOUND SORTKEY (dateid, eventid);

CREATE TABLE tickit.listing (
    listid         INTEGER NOT NULL ENCODE az64,
    sellerid       INTEGER NOT NULL ENCODE az64,
    eventid        INTEGER NOT NULL ENCODE az64,
    dateid         SMALLINT NOT NULL ENCODE raw,
    numtickets     SMALLINT NOT NULL ENCODE az64,
    priceperticket DECIMAL(8,2) ENCODE az64,
    totalprice     DECIMAL(8,2) ENCODE az64,
    listtime       TIMESTAMP ENCODE az64
)
DISTKEY (listid)
INTERLEAVED SORTKEY (dateid, eventid)
ENCODE AUTO;

COMMENT ON TABLE tickit.sales IS 'One row per ticket sale';
COMMENT ON COLUMN tickit.sales.commission IS 'The 15 percent commission Tickit keeps';
