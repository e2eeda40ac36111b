evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/redshift/lint.json'))
assert json.size() == 4 && json.every { it.rule == 'unenforced-constraint' && it.file.startsWith('src/main/redshift/') }
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/redshift/lint.sarif'))
assert sarif.version == '2.1.0' && sarif.runs[0].results.size() == 4
return true
