evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains('redshift:migrate: debug done, 0 drift(s)') : 'deployed and verified on the throwaway server'
return evaluate(new File(basedir, '../../../src/it/verify-no-password.groovy'))
