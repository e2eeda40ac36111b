CREATE TABLE public.orders (id BIGINT, discount NUMERIC(8,2));
