#!/usr/bin/env bash
# Graph building and regeneration for 10,000 and 100,000 generated views, in-process, and a whole
# `mvn redshift:regenerate` process on the 10,000-view project beside Maven alone (medians of N).
# Usage: bench/regenerate.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
mvn -q -B install -DskipTests -Dinvoker.skip > /dev/null
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test > /dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" io.github.rsevolve.bench.RegenerateBenchmark \
    target/bench-views 5
source bench/lib.sh
# Each round: the goal, then Maven alone (the goal skipped), so both see the same machine.
times=()
alone=()
for _ in $(seq "$runs"); do
  rm -rf target/bench-views/views-10000/src/main/redshift/incremental
  start=$(date +%s%N)
  mvn -q -B -o -f target/bench-views/views-10000/pom.xml redshift:regenerate -Dredshift.objects=g.t0 > /dev/null
  times+=("$(elapsed "$start")")
  start=$(date +%s%N)
  mvn -q -B -o -f target/bench-views/views-10000/pom.xml redshift:regenerate -Dredshift.skip=true > /dev/null
  alone+=("$(elapsed "$start")")
done
median=$(middle "${times[@]}")
median_alone=$(middle "${alone[@]}")
echo "| whole \`mvn redshift:regenerate\` process, 10,000 views (median of $runs) | ${median} ms |"
echo "| Maven alone, the goal skipped (median of $runs) | ${median_alone} ms |"
echo "| ratio regenerate / Maven alone | $(awk "BEGIN { printf \"%.2f\", $median / $median_alone }") (target: at most 1.2) |"
