// Shared by the credential ITs: the deploy ran (with -X), and no password reached build.log or any file in target.
def log = new File(basedir, 'build.log').text
assert log.contains('[6/6] V6__customer_orders_view.sql') : 'all six changesets deployed'
assert log.contains('[DEBUG]') : 'the build ran with -X'
def secrets = ['It-Secret-Pw-4711', 'It-Env-Pw-0815']
secrets.each { assert !log.contains(it) : 'no password in build.log, -X output included' }
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { file ->
    secrets.each { assert !file.text.contains(it) : "no password in ${file}" }
}
return true
