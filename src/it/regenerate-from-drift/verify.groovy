evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def changeset = new File(basedir, 'src/main/redshift/incremental/V2__regenerate_dw_v_open.sql').text
assert changeset.contains("CREATE VIEW dw.v_open AS SELECT id, total FROM dw.orders WHERE status = 'O';")
assert changeset.indexOf('DROP VIEW dw.v_open_big;') < changeset.indexOf('DROP VIEW dw.v_open;')
return true
