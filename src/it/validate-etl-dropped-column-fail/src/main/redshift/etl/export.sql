SELECT id, name FROM public.customers;
SELECT id, NVL(fax, 'none') AS fax
FROM public.customers;
