#!/usr/bin/env bash
# Lint speed as users run it, on long analytic SQL (a generated star-schema set: 240 statements of 2-8 KB with CTE
# chains, window functions, CASE and date arithmetic): whole cold `mvn redshift:lint` processes beside Maven alone
# (the goal skipped), round by round, with lint's own time from its summary line; sqlfluff (if installed) and lint
# on the same sample files; then the warm in-process figures on the shared corpus (LintBenchmark).
# Usage: bench/lint.sh [runs] [sqlfluff-files] [corpus-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
fluff_files=${2:-2}
corpus=${3:-../shared/corpus/redshift-sql}
mvn -q -B install -DskipTests -Dinvoker.skip > /dev/null
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test > /dev/null
classpath="target/classes:target/test-classes:$(cat target/bench.cp)"
project=target/bench-analytic
rm -rf "$project" "$project-sample"
java -cp "$classpath" io.github.rsevolve.bench.AnalyticQueries "$project" 240

source bench/lib.sh

# One round: lint, then Maven alone (the same flags and output), so both see the same machine.
whole() {
  local pom=$1 lint=() alone=() own=() statements=0 start line
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    mvn -B -o -f "$pom" redshift:lint -Dredshift.failOn=none > target/bench-lint.log
    lint+=("$(elapsed "$start")")
    line=$(grep -o '[0-9]* statement(s), [0-9]* ms' target/bench-lint.log)
    statements=${line%% *}
    own+=("${line##*, }")
    start=$(date +%s%N)
    mvn -B -o -f "$pom" redshift:lint -Dredshift.skip=true > /dev/null 2>&1
    alone+=("$(elapsed "$start")")
  done
  local l a o
  l=$(middle "${lint[@]}"); a=$(middle "${alone[@]}"); o=$(middle "${own[@]% ms}")
  echo "$statements $o $l $a"
}

read -r statements own lint alone < <(whole "$project/pom.xml")
echo "Analytic set: $statements statements, medians of $runs cold processes ($(date +%F))"
echo "| lint's own work in the Maven process | $own ms: $(( statements * 1000 / own )) statements/s (target: 1,000) |"
echo "| whole \`mvn redshift:lint\` process | $lint ms |"
echo "| Maven alone, the goal skipped | $alone ms |"
echo "| ratio lint / Maven alone | $(awk "BEGIN { printf \"%.2f\", $lint / $alone }") (target: at most 1.5) |"
full=()
for _ in $(seq "$runs"); do
  mvn -B -o -f "$project/pom.xml" redshift:lint -Dredshift.failOn=none -Dredshift.parseQueries=true > target/bench-lint.log
  line=$(grep -o '[0-9]* statement(s), [0-9]* ms' target/bench-lint.log)
  full+=("${line##*, }")
done
full_ms=$(middle "${full[@]% ms}")
echo "| the same with redshift.parseQueries (JSqlParser too) | $full_ms ms: $(( statements * 1000 / full_ms )) statements/s, $(grep -c 'unparsed-statement' target/bench-lint.log) unparsed-statement warnings |"

# The JIT's second tier compiles the hottest methods while lint runs, a core of this machine's two: a build that only
# lints may stop at the first tier (Maven reads JVM options from MAVEN_OPTS or .mvn/jvm.config).
read -r _ c1_own c1_lint c1_alone < <(export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1"; whole "$project/pom.xml")
echo "| the same with -XX:TieredStopAtLevel=1 | own $c1_own ms: $(( statements * 1000 / c1_own )) statements/s; whole \
$c1_lint ms; Maven alone $c1_alone ms; ratio $(awk "BEGIN { printf \"%.2f\", $c1_lint / $c1_alone }") |"

if command -v sqlfluff > /dev/null; then
  mkdir -p "$project-sample/src/main/redshift/absolute" "$project-sample/src/main/redshift/etl"
  cp "$project/pom.xml" "$project-sample/"
  cp "$project/src/main/redshift/absolute/00_star_schema.sql" "$project-sample/src/main/redshift/absolute/"
  ls "$project"/src/main/redshift/etl/*.sql | head -n "$fluff_files" | xargs -I{} cp {} "$project-sample/src/main/redshift/etl/"
  read -r _ sample_own sample_lint _ < <(whole "$project-sample/pom.xml")
  sample_statements=$(grep -c ';$' "$project-sample"/src/main/redshift/etl/*.sql | awk -F: '{ n += $2 } END { print n }')
  # sqlfluff skips files over 20,000 bytes unless told not to; the dialect is set as a user of Redshift sets it.
  printf '[sqlfluff]\ndialect = redshift\nlarge_file_skip_byte_limit = 0\n' > target/bench-sqlfluff.cfg
  start=$(date +%s%N)
  sqlfluff lint --config target/bench-sqlfluff.cfg --processes 1 "$project-sample"/src/main/redshift/etl/*.sql \
      > target/bench-sqlfluff.log || true
  fluff=$(elapsed "$start")
  echo "Sample: $sample_statements statements in $fluff_files ETL files; sqlfluff $(sqlfluff --version | awk '{ print $3 }'), one run"
  echo "| sqlfluff lint, whole process | $fluff ms: $(awk "BEGIN { printf \"%.2f\", $sample_statements * 1000 / $fluff }") statements/s |"
  echo "| \`mvn redshift:lint\` on the same files, whole process (median) | $sample_lint ms |"
  echo "| ratio sqlfluff / mvn redshift:lint | $(awk "BEGIN { printf \"%.1f\", $fluff / $sample_lint }") |"
else
  echo "sqlfluff is not installed (apt-get install sqlfluff): not measured"
fi

if [ -d "$corpus" ]; then
  corpus=$(cd "$corpus" && pwd)
  java -cp "$classpath" io.github.rsevolve.bench.LintBenchmark "$corpus" 7
fi
