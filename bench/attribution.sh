#!/usr/bin/env bash
# The attribution check's latency (issue 21): JMH AttributionBenchmark, SampleTime, one thread. `summary` indexes the
# 5 KB reference article (cleaned) and attributes a 5-sentence summary — target p50 <= 2 ms; `translation` aligns a
# paragraph-per-paragraph translation of it. Writes bench/results/attribution.json (or RESULTS=path) and prints p50/p90/p99.
# Usage: [JMH_OPTS="..."] bench/attribution.sh [extra JMH args]
. "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"
use_jdk
unsafe_opt=()
if java --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then unsafe_opt=(--sun-misc-unsafe-memory-access=allow); fi

./mvnw -q -B test-compile -DskipTests
CP="target/test-classes:target/classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
mkdir -p bench/results
RESULTS="${RESULTS:-bench/results/attribution.json}"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java "${unsafe_opt[@]}" -cp "$CP" org.openjdk.jmh.Main AttributionBenchmark ${JMH_OPTS:--t 1} -rf json -rff "$RESULTS" "$@"

RESULTS="$RESULTS" python3 - <<'PY'
import json
import os
rows = json.load(open(os.environ["RESULTS"]))
print("\nbenchmark     p50 ms   p90 ms   p99 ms   (1 thread)")
for r in rows:
    p = r["primaryMetric"]["scorePercentiles"]
    print(f'{r["benchmark"].rsplit(".", 1)[1]:<12} {p["50.0"] / 1000:7.3f}  {p["90.0"] / 1000:7.3f}  {p["99.0"] / 1000:7.3f}')
PY
