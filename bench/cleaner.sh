#!/usr/bin/env bash
# Figure 5: the ArticleCleaner JMH benchmark on one thread; prints input throughput in MB/s (UTF-8 bytes of input).
#   articles            all dirty fixtures in one op (text, HTML, mojibake, PDF paste) — target >= 50 MB/s
#   article name=...    each fixture alone (which kind of dirt costs what)
#   adversarial         pathological inputs at 256 KiB and 1 MiB — linear time = the same MB/s at both sizes
# Usage: [BENCH=regex] [JMH_OPTS="..."] bench/cleaner.sh [extra JMH args, e.g. -p kind=dots -p chars=1048576]
#   BENCH defaults to CleanerBenchmark (all); e.g. BENCH=CleanerBenchmark.articles for the realistic set only.
#   JMH_OPTS defaults to 1 fork, 1 thread; warm-up and measurement come from the annotations in CleanerBenchmark:
#   5 measured iterations of 1 s after 15 warm-up iterations for the article benchmarks (the HTML path, jsoup, needs
#   ~10 s of JIT warm-up here) and after 5 for the adversarial ones. Writes bench/results/cleaner.json (or
#   RESULTS=path) and prints MB/s.
. "$(dirname "$0")/lib.sh"
cd "$REPO_DIR"
use_jdk
# JMH's own sun.misc.Unsafe use warns on JDK 24+; the option that silences it exists only from JDK 23 on.
unsafe_opt=()
if java --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then unsafe_opt=(--sun-misc-unsafe-memory-access=allow); fi

./mvnw -q -B test-compile -DskipTests
CP="target/test-classes:target/classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
mkdir -p bench/results
RESULTS="${RESULTS:-bench/results/cleaner.json}"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java "${unsafe_opt[@]}" -cp "$CP" org.openjdk.jmh.Main "${BENCH:-CleanerBenchmark}" \
    ${JMH_OPTS:--f1 -t 1} -rf json -rff "$RESULTS" "$@"

RESULTS="$RESULTS" python3 - <<'PY'
import json
import os
rows = json.load(open(os.environ.get("RESULTS", "bench/results/cleaner.json")))
print("\nbenchmark    params                                  MB/s (UTF-8 input, 1 thread)")
adv = {}
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    params = " ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    b = r["secondaryMetrics"]["bytes"]
    print(f"{name:<12} {params:<39} {b['score'] / 1e6:8.1f} ± {b['scoreError'] / 1e6:.1f}")
    if name == "adversarial":
        adv.setdefault(r["params"]["kind"], {})[int(r["params"]["chars"])] = b["score"]
if adv:
    print("\nadversarial linearity (MB/s at 1 MiB / MB/s at 256 KiB; ~1.0 = linear):")
    for kind, by in adv.items():
        if len(by) == 2:
            print(f"  {kind:<24} {by[1048576] / by[262144]:.2f}")
PY
