CREATE TABLE public.t (id INT);
