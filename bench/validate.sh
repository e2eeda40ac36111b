#!/usr/bin/env bash
# validate on generated models (500 tables with physical attributes, 500 views up to 8 deep, 1,000 changesets, 20 ETL
# queries, times each size) beside plain Flyway migrate of the same changesets and the psql floor, on the embedded
# PostgreSQL, in-process; then whole cold `mvn redshift:validate` processes on each size beside Maven alone, and the
# largest size once more with a 512 MB heap. Usage: bench/validate.sh [rounds] [sizes]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v psql >/dev/null || { echo "psql is needed for the floor: apt-get install postgresql-client"; exit 1; }
rounds=${1:-3}
sizes=${2:-1,2,4}
mvn -q -B install -DskipTests -Dinvoker.skip > /dev/null
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test > /dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.github.rsevolve.bench.ValidateBenchmark \
    target/bench-model "$rounds" "$sizes" 2>&1 | grep -v -e '^SLF4J' -e 'INFO'

source bench/lib.sh
echo "| size | whole \`mvn redshift:validate\` | Maven alone | validate's own time (its summary) |"
echo "|---|---|---|---|"
largest=1
for size in ${sizes//,/ }; do
  pom=target/bench-model/size-$size/pom.xml
  whole=(); alone=(); own=()
  for _ in $(seq "$rounds"); do
    start=$(date +%s%N)
    mvn -B -o -f "$pom" redshift:validate > target/bench-validate.log
    whole+=("$(elapsed "$start")")
    own+=("$(grep -o 'drift(s); [0-9]* ms' target/bench-validate.log | grep -o '[0-9]* ms$' | cut -d' ' -f1)")
    start=$(date +%s%N)
    mvn -B -o -f "$pom" redshift:validate -Dredshift.skip=true > /dev/null 2>&1
    alone+=("$(elapsed "$start")")
  done
  echo "| ${size}x | $(middle "${whole[@]}") ms | $(middle "${alone[@]}") ms | $(middle "${own[@]}") ms |"
  largest=$size
done
if MAVEN_OPTS="-Xmx512m" mvn -q -B -o -f "target/bench-model/size-$largest/pom.xml" redshift:validate > target/bench-validate.log 2>&1; then
  echo "| ${largest}x with -Xmx512m | passes |"
else
  echo "| ${largest}x with -Xmx512m | FAILS: see target/bench-validate.log |"
fi
