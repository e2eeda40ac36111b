ALTER TABLE shop.order_lines ADD CONSTRAINT order_lines_pk PRIMARY KEY (order_id, line_no);
