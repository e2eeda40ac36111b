#!/usr/bin/env bash
# migrate of 1,000 generated changesets beside plain Flyway migrate of the same changesets on the embedded
# PostgreSQL. Usage: bench/migrate.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.github.rsevolve.bench.MigrateBenchmark \
    target/bench-model "${1:-3}" 2>&1 | grep -v -e '^SLF4J' -e 'INFO'
