evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def changeset = new File(basedir, 'src/main/redshift/incremental/V2__regenerate_dw_orders.sql').text
assert changeset.indexOf('DROP VIEW dw.v_big_orders;') < changeset.indexOf('DROP VIEW dw.v_orders;')
assert changeset.indexOf('CREATE VIEW dw.v_orders') < changeset.indexOf('CREATE VIEW dw.v_big_orders')
assert changeset.contains('GRANT SELECT ON dw.v_big_orders TO GROUP analysts;')
assert new File(basedir, 'target/redshift/dependencies.dot').text.contains('"dw.orders" -> "dw.v_orders";')
assert new File(basedir, 'target/redshift/dependencies.mmd').text.startsWith('flowchart LR')
return true
