CREATE TABLE public.orders (id BIGINT, customer_id BIGINT);
CREATE VIEW public.v_customer_orders AS
SELECT o.id, c.name FROM public.orders o JOIN public.customers c ON c.id = o.customer_id;
