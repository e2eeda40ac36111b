evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def json = new groovy.json.JsonSlurper()
['qa', 'pro', 'qa-rs', 'pro-rs'].each { environment ->
    def info = json.parse(new File(basedir, "target/redshift/info-${environment}.json"))
    assert info.environment == environment
    assert info.version == '6' : "${environment} is on ${info.version}"
    assert info.changesets.size() == 6 && info.changesets.every { it.state == 'SUCCESS' }
    assert info.findings.isEmpty() : "no drift in ${environment}: ${info.findings}"
}
def log = new File(basedir, 'build.log').text
assert !log.contains('It-Secret-Pw-4711') : 'the password never reaches the log'
def reports = new File(basedir, 'target/redshift').listFiles().collect { it.text }.join('\n')
assert !reports.contains('It-Secret-Pw-4711') : 'the password never reaches a report'
return true
