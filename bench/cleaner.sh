#!/usr/bin/env bash
# Runs the ArticleCleaner JMH benchmark on one thread and prints input throughput in MB/s.
# Usage: [BENCH=regex] [JMH_OPTS="..."] bench/cleaner.sh [extra JMH args, e.g. -p kind=dots -p chars=1048576]
#   BENCH defaults to CleanerBenchmark (all); e.g. BENCH=CleanerBenchmark.articles for the realistic set only.
#   JMH_OPTS defaults to 1 fork, 1 thread, 4 warm-up iterations of 2 s, 5 measured iterations of 1 s (the JIT
#   needs the warm-up). Writes bench/results/cleaner.json (or RESULTS=path) and prints MB/s.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"

./mvnw -q -B test-compile -DskipTests
CP="target/test-classes:target/classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
mkdir -p bench/results
RESULTS="${RESULTS:-bench/results/cleaner.json}"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java --sun-misc-unsafe-memory-access=allow -cp "$CP" org.openjdk.jmh.Main "${BENCH:-CleanerBenchmark}" \
    ${JMH_OPTS:--f1 -wi 4 -w 2s -i 5 -r 1s -t 1} -rf json -rff "$RESULTS" "$@"

RESULTS="$RESULTS" python3 - <<'PY'
import json
import os
rows = json.load(open(os.environ.get("RESULTS", "bench/results/cleaner.json")))
print("\nbenchmark                                   params                          MB/s (UTF-8 input, 1 thread)")
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    params = " ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    b = r["secondaryMetrics"]["bytes"]
    print(f"{name:<43} {params:<31} {b['score'] / 1e6:8.1f} ± {b['scoreError'] / 1e6:.1f}")
PY
