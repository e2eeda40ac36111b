SELECT COUNT(*)
FROM dw.order_lines;
