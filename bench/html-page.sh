#!/usr/bin/env bash
# Figure 8: whole news pages through the cleaner (HTML extraction + cleaning), one thread.
#   throughput   JMH HtmlPageBenchmark on a 1 MiB and a 5 MiB page (io.khulasa.bench.BigPage: one story inside
#                ~60 % inline script, 15 % style, 10 % SVG, 15 % menus and teaser cards): MB/s of UTF-8 input (the
#                same at both sizes = linear time), and with -prof gc the bytes allocated per page.
#   heap         the smallest -Xmx (MiB, serial GC) in which the 5 MiB page is cleaned three times, beside a plain
#                Jsoup.parse of the whole page (full DOM) for comparison; the JVM's own baseline and the page as a
#                String are included, so the figure is what one request of that size needs at most.
# Usage: [JMH_OPTS="..."] bench/html-page.sh      Writes bench/results/html-page.json (or RESULTS=path).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
use_jdk
cd "$REPO_DIR"

./mvnw -q -B test-compile -DskipTests
CP="target/test-classes:target/classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
mkdir -p "$RESULTS_DIR"
RESULTS="${RESULTS:-$RESULTS_DIR/html-page.json}"

log "JMH: HtmlPageBenchmark (1 MiB and 5 MiB pages) with -prof gc"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java --sun-misc-unsafe-memory-access=allow -cp "$CP" org.openjdk.jmh.Main HtmlPageBenchmark ${JMH_OPTS:--f 2 -t 1 -jvmArgs -Xmx1g -wi 6 -i 8} \
    -prof gc -rf json -rff "$BENCH_TMP/jmh.json" >"$BENCH_TMP/jmh.log"

log "heap: smallest -Xmx that cleans a 5 MiB page"
java -cp "$CP" io.khulasa.bench.HtmlHeapProbe --build 5242880 "$BENCH_TMP/page.html"
min_heap() { # mode -> smallest -Xmx in MiB (binary search, 16..512)
  local lo=16 hi=512 mid
  while [ $((hi - lo)) -gt 2 ]; do
    mid=$(((lo + hi) / 2))
    if java -Xmx${mid}m -XX:+UseSerialGC -cp "$CP" io.khulasa.bench.HtmlHeapProbe "$BENCH_TMP/page.html" "$1" 2>/dev/null \
        | grep -q '^ok'; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
}
KHULASA_MIB=$(min_heap khulasa)
DOM_MIB=$(min_heap jsoup-dom)
BASE_LINE=$(java -Xmx512m -XX:+UseSerialGC -cp "$CP" io.khulasa.bench.HtmlHeapProbe "$BENCH_TMP/page.html" khulasa)

JMH="$BENCH_TMP/jmh.json" RESULTS="$RESULTS" KHULASA_MIB="$KHULASA_MIB" DOM_MIB="$DOM_MIB" BASE_LINE="$BASE_LINE" \
COMMIT="$(service_commit)" python3 - <<'PY'
import datetime, json, os, re
rows = json.load(open(os.environ["JMH"]))
out = {"figure": "10. whole pages through the cleaner (1 thread)", "date": datetime.datetime.now(datetime.timezone.utc)
       .strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": os.environ["COMMIT"], "throughput": [], "heap": {}}
print("\npage      MB/s (UTF-8 input, 1 thread)   allocated per page")
for r in rows:
    size = int(r["params"]["bytes"])
    mbs = r["secondaryMetrics"]["bytes"]["score"] / 1e6
    err = r["secondaryMetrics"]["bytes"]["scoreError"] / 1e6
    alloc = next((v["score"] for k, v in r["secondaryMetrics"].items() if k.endswith("gc.alloc.rate.norm")), 0)
    print(f"{size / 1048576:4.0f} MiB  {mbs:8.1f} ± {err:.1f}                 {alloc / 1048576:8.1f} MiB")
    out["throughput"].append({"pageBytes": size, "mbPerS": round(mbs, 1), "error": round(err, 1),
                              "allocatedMiBPerPage": round(alloc / 1048576, 1)})
base = re.search(r"heapWithPageMiB=([\d.]+)", os.environ["BASE_LINE"])
out["heap"] = {"pageBytes": 5242880, "minXmxMiB": int(os.environ["KHULASA_MIB"]),
               "minXmxMiBFullJsoupDom": int(os.environ["DOM_MIB"]),
               "jvmBaselineWithPageStringMiB": float(base.group(1)) if base else None}
print(f"\n5 MiB page: cleaned in -Xmx{os.environ['KHULASA_MIB']}m (a plain Jsoup.parse + text of the same page needs "
      f"-Xmx{os.environ['DOM_MIB']}m); the JVM with the page as a String alone holds "
      f"{out['heap']['jvmBaselineWithPageStringMiB']} MiB")
json.dump(out, open(os.environ["RESULTS"], "w"), indent=1)
open(os.environ["RESULTS"], "a").write("\n")
PY
log "results: $RESULTS"
