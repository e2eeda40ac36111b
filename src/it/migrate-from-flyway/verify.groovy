evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def log = new File(basedir, 'build.log').text
// redshift:info reads the history flyway-maven-plugin wrote: three applied, three pending.
assert log.count('Environment flyway-pg is on version 3; 3 pending') == 1 : 'info on the Flyway history (pgjdbc)'
assert log.count('Environment flyway-rs is on version 3; 3 pending') == 1 : 'info on the Flyway history (redshift-jdbc42)'
// redshift:migrate applies V4..V6 only.
['V4__customer_email.sql', 'V5__order_date.sql', 'V6__customer_orders_view.sql'].eachWithIndex { script, i ->
    assert log.count("[${i + 1}/3] ${script}") == 2 : "${script} applied once per environment"
}
assert !log.contains('V1__create_shop.sql ...') : 'V1 is not applied again'
// flyway:info and flyway:validate read the rows the plugin wrote as their own.
assert !log.contains('| Missing') && !log.contains('Migration type mismatch') : 'Flyway reads every row'
def flywayRows = log.readLines().findAll { it ==~ /\| Versioned \| [1-6] .*\| SQL  \| .* \| Success .*/ }
assert flywayRows.size() == 12 : "flyway:info shows V1..V6 as applied SQL migrations on both databases: ${flywayRows}"
assert log.count('Schema version: 6') == 2
assert !log.contains('It-Secret-Pw-4711') : 'the password never reaches the log'
return true
