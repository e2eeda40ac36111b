evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
assert !new File(basedir, 'src/main/redshift/incremental/V2__cleanup.sql').exists() : 'a dry run writes nothing'
assert new File(basedir, 'target/redshift/diff.json').text.contains('"matches" : false')
return true
