evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def log = new File(basedir, 'build.log').text
def dryRun = log.substring(log.indexOf('redshift:regenerate (dry run) would write'))
def change = dryRun.indexOf('The change to tickit.sales goes here')
assert dryRun.indexOf('DROP VIEW ops.v_big_sales;') >= 0
assert dryRun.indexOf('DROP VIEW ops.v_big_sales;') < dryRun.indexOf('DROP VIEW ops.v_sales_ops;')
assert dryRun.indexOf('DROP VIEW ops.v_sales_ops;') < change
assert change < dryRun.indexOf('CREATE VIEW ops.v_sales_ops AS')
assert dryRun.indexOf('CREATE VIEW ops.v_sales_ops AS') < dryRun.indexOf('CREATE VIEW ops.v_big_sales AS')
return true
