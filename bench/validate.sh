#!/usr/bin/env bash
# validate on a generated model (500 tables, 500 views up to 8 deep, 1,000 changesets) beside plain Flyway migrate
# of the same changesets and the psql floor, on the embedded PostgreSQL. Usage: bench/validate.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v psql >/dev/null || { echo "psql is needed for the floor: apt-get install postgresql-client"; exit 1; }
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.github.rsevolve.bench.ValidateBenchmark \
    target/bench-model "${1:-3}" 2>&1 | grep -v -e '^SLF4J' -e 'INFO'
