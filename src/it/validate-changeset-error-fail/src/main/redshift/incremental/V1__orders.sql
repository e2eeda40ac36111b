CREATE TABLE public.orders (id BIGINT);
