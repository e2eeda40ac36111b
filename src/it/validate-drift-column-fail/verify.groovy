evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def junit = new File(basedir, 'target/redshift/TEST-redshift-validate.xml').text
assert junit.contains('tests="4" failures="1"')
assert junit =~ /<testcase [^>]*name="no drift between the model and the changesets"[^>]*><failure message="1 error\(s\)">/
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/redshift/validate.json'))
assert json.drift.any { it.object == 'column dw.orders.discount' && it.model == 'present' && it.changes == null }
return true
