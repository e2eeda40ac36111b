evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
assert new File(basedir, 'src/main/redshift/incremental').list().toList() == ['V1__model.sql']
return true
