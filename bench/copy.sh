#!/usr/bin/env bash
# copy-data's JDBC path beside psql's \copy out and in of the same table, on the embedded PostgreSQL.
# Needs psql on the PATH. Usage: bench/copy.sh [rows] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.github.rsevolve.bench.CopyBenchmark \
    target/bench-copy "${1:-1000000}" "${2:-5}" 2>&1 | grep -v -e '^SLF4J' -e 'INFO'
