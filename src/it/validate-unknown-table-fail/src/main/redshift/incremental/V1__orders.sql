CREATE TABLE public.orders (id BIGINT, customer_id BIGINT);
