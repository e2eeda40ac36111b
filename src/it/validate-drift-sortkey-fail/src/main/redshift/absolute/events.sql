CREATE TABLE public.events (
    event_id   BIGINT IDENTITY(1, 1),
    event_time TIMESTAMP ENCODE az64
)
DISTSTYLE EVEN
COMPOUND SORTKEY (event_time, event_id);
