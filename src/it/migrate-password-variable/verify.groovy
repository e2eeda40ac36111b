evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
return evaluate(new File(basedir, '../../../src/it/verify-no-password.groovy'))
