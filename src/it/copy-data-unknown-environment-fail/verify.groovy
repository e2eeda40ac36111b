evaluate(new File(basedir, '../../../src/it/verify-findings.groovy'))
