CREATE TABLE tickit.users (
    userid        INTEGER NOT NULL ENCODE az64,
    username      CHAR(8) ENCODE lzo,
    firstname     VARCHAR(30) ENCODE lzo,
    lastname      VARCHAR(30) ENCODE lzo,
    city          VARCHAR(30) ENCODE lzo,
    state         CHAR(2) ENCODE bytedict,
    email         VARCHAR(100) ENCODE lzo,
    likesports    BOOLEAN,
    PRIMARY KEY (userid)
)
DISTKEY (userid)
SORTKEY (userid);

CREATE TABLE tickit.venue (
    venueid    SMALLINT NOT NULL ENCODE raw,
    venuename  VARCHAR(100) ENCODE lzo,
    venuecity  VARCHAR(30) ENCODE lzo,
    venuestate CHAR(2) ENCODE bytedict,
    venueseats INTEGER ENCODE az64,
    PRIMARY KEY (venueid)
)
DISTSTYLE ALL
SORTKEY (venueid);

CREATE TABLE tickit.category (
    catid    SMALLINT NOT NULL,
    catgroup VARCHAR(10),
    catname  VARCHAR(10),
    catdesc  VARCHAR(50)
)
DISTSTYLE ALL
BACKUP NO;

CREATE TABLE tickit.date (
    dateid  SMALLINT NOT NULL DISTKEY SORTKEY,
    caldate DATE NOT NULL,
    day     CHAR(3) NOT NULL,
    week    SMALLINT NOT NULL,
    month   CHAR(5) NOT NULL,
    qtr     CHAR(5) NOT NULL,
    year    SMALLINT NOT NULL,
    holiday BOOLEAN DEFAULT FALSE
);
