evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def folder = new File(basedir, 'src/main/redshift/incremental')
def prepare = new File(folder, 'V2__orders_discount_prepare.sql').text
assert prepare.indexOf('DROP VIEW dw.v_daily;') < prepare.indexOf('DROP VIEW dw.v_orders;')
assert prepare.contains('ALTER TABLE dw.orders ADD COLUMN discount DECIMAL(8,2) DEFAULT 0 ENCODE az64;')
assert prepare.contains('ALTER TABLE dw.orders ALTER DISTSTYLE EVEN;')
assert prepare.contains('ALTER TABLE dw.orders ALTER COMPOUND SORTKEY (order_date, customer_id);')
def alter = new File(folder, 'V3__orders_discount_alter_orders_note.sql').text
assert alter.contains('ALTER TABLE dw.orders ALTER COLUMN note TYPE VARCHAR(200);')
def finish = new File(folder, 'V4__orders_discount_finish.sql').text
assert finish.indexOf('CREATE VIEW dw.v_orders') < finish.indexOf('CREATE VIEW dw.v_daily')
assert finish.contains('GRANT SELECT ON dw.v_orders TO GROUP analysts;')
assert finish.contains("COMMENT ON TABLE dw.orders IS 'One row per order';")
assert new File(basedir, 'target/redshift/diff.json').text.contains('"matches" : true')
return true
