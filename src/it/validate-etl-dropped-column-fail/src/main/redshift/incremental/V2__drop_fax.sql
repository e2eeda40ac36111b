-- redshift:lint ignore drop-column nobody has sent a fax since 2009
ALTER TABLE public.customers DROP COLUMN fax;
