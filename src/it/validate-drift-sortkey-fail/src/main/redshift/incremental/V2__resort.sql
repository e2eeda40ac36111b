ALTER TABLE public.events ALTER SORTKEY (event_id);
