return evaluate(new File(basedir, '../../../src/it/wait-for-environments.groovy'))
