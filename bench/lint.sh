#!/usr/bin/env bash
# Lint speed on the shared Redshift corpus: in-process statements/s beside the JSqlParser-only floor, and a whole
# `mvn redshift:lint` process (median of N runs). Usage: bench/lint.sh [corpus-dir] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(cd "${1:-../shared/corpus/redshift-sql}" && pwd)
runs=${2:-5}
mvn -q -B install -DskipTests -Dinvoker.skip
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.github.rsevolve.bench.LintBenchmark "$corpus" 7

times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  mvn -q -B -o -f examples/tickit-dw/pom.xml redshift:lint -Dredshift.absolute="$corpus" \
      -Dredshift.incremental="$corpus/none" -Dredshift.etl="$corpus/none" -Dredshift.failOn=none > target/bench-lint.log
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "| whole \`mvn redshift:lint\` process on the corpus (median of $runs) | ${median} ms |"
grep 'redshift:lint:' target/bench-lint.log || true
