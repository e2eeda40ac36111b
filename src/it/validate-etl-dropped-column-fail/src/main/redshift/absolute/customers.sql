CREATE TABLE public.customers (id BIGINT, name VARCHAR(100));
