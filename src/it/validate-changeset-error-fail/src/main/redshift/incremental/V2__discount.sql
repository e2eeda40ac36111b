-- Adds the discount column.

ALTER TABLE public.orders ADD COLUMN discount NUMERC(8,2);
