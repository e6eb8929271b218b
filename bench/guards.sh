#!/usr/bin/env bash
# The output guards and the token count (JMH GuardsBenchmark) with -prof gc: microseconds and bytes allocated per
# operation on the reference article and its reference summary / translation. Not a figure: the evidence for a cut
# (bench/README.md, findings); for a before/after, run it in both checkouts back to back.
# Usage: [JMH_OPTS="..."] bench/guards.sh [extra JMH args]      Writes bench/results/guards.json (or RESULTS=path).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"
use_jdk
unsafe_opt=()
if java --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then unsafe_opt=(--sun-misc-unsafe-memory-access=allow); fi
./mvnw -q -B -o test-compile -DskipTests
CP="target/test-classes:target/classes:$(./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
mkdir -p "$RESULTS_DIR"
RESULTS="${RESULTS:-$RESULTS_DIR/guards.json}"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java "${unsafe_opt[@]}" -cp "$CP" org.openjdk.jmh.Main GuardsBenchmark ${JMH_OPTS:--prof gc} -rf json -rff "$RESULTS" "$@"
RESULTS="$RESULTS" COMMIT="$(service_commit)" python3 - <<'PY'
import json, os
rows = json.load(open(os.environ["RESULTS"]))
print(f"\nGuardsBenchmark, commit {os.environ['COMMIT']}, load average {open('/proc/loadavg').read().split()[:3]}")
print(f"{'benchmark':16} {'us/op':>10} {'± err':>8} {'B/op':>10}")
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    m = r["primaryMetric"]
    alloc = (r.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm", {}).get("score")
    print(f"{name:16} {m['score']:>10.2f} {m['scoreError']:>8.2f} {alloc if alloc is None else round(alloc):>10}")
PY
