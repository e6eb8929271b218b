#!/usr/bin/env bash
# khulasa's own CPU per summary request, two builds side by side: the jar of a base commit and the jar of this tree,
# alternated over ROUNDS rounds in one run (base first in odd rounds, this tree first in even ones), so that both see
# the same background load. Each round starts the jar, warms its JIT with the fake LLM answering at once, then counts
# the process's CPU ticks (/proc/<pid>/stat) over one wrk round at concurrency 1 with the fake answering at once
# ("instant") and one with the fake's real timing (200 ms to the first token, 500 tok/s, 100 tokens: 398 ms, "real").
#
#   BASE_JAR=/path/to/base/target/quarkus-app/quarkus-run.jar bench/cpu-compare.sh
# Knobs (env): ROUNDS (3) ROUND_INSTANT (10s) ROUND_REAL (20s) BENCH_WARMUP (60s) BASE_LABEL (base) NEW_LABEL (new)
# Writes bench/results/cpu-compare.json and prints a table.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-3}
ROUND_INSTANT=${ROUND_INSTANT:-10s}
ROUND_REAL=${ROUND_REAL:-20s}
BENCH_WARMUP=${BENCH_WARMUP:-60s}
BASE_LABEL=${BASE_LABEL:-base}
NEW_LABEL=${NEW_LABEL:-new}
[ -f "${BASE_JAR:-}" ] || die "set BASE_JAR to the base build's target/quarkus-app/quarkus-run.jar"
use_jdk
build_app
NEW_JAR=$REPO_DIR/target/quarkus-app/quarkus-run.jar
fake_port=$(free_port 18100 18499)
start_fake_llm "$fake_port" --first-token-ms 200 --tokens-per-second 500 --output-tokens 100
FAKE_ROOT=${FAKE_URL%/v1}
summary=$BENCH_TMP/summary-body.json
write_summary_body "$summary"
hz=$(getconf CLK_TCK)

cpu_ms_per_request() { # label duration -> prints ms of CPU per request
  local before line n ticks
  before=$(awk '{print $14 + $15}' "/proc/$KHULASA_PID/stat")
  line=$(run_wrk "$1" "$KHULASA_URL/v1/summaries" "$summary" 1 1 "$2")
  ticks=$(( $(awk '{print $14 + $15}' "/proc/$KHULASA_PID/stat") - before ))
  n=$(echo "$line" | sed -E 's/.*"requests":([0-9]+).*/\1/')
  echo "$line" | grep -q '"non_2xx":0,' || die "$1: non-2xx answers: $line"
  awk -v t="$ticks" -v hz="$hz" -v n="$n" 'BEGIN{ printf "%.3f", t * 1000 / hz / n }'
}

one() { # label jar round
  local label=$1 jar=$2 r=$3 instant real
  KHULASA_CMD="java -jar $jar" start_khulasa "$(free_port 18800 18999)" "$FAKE_URL"
  wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120
  curl -s -o /dev/null -X POST "$FAKE_ROOT/config?first-token-ms=0&tokens-per-second=0"
  run_wrk "warmup-$label-r$r" "$KHULASA_URL/v1/summaries" "$summary" 2 16 "$BENCH_WARMUP" >/dev/null
  instant=$(cpu_ms_per_request "$label-instant-r$r" "$ROUND_INSTANT")
  curl -s -o /dev/null -X POST "$FAKE_ROOT/config?first-token-ms=200&tokens-per-second=500"
  real=$(cpu_ms_per_request "$label-real-r$r" "$ROUND_REAL")
  kill "$KHULASA_PID"; wait "$KHULASA_PID" 2>/dev/null || true
  log "$label round $r: $instant ms (instant LLM), $real ms (398 ms LLM) of CPU per request"
  printf '{"build":"%s","round":%s,"instant_ms":%s,"real_ms":%s}\n' "$label" "$r" "$instant" "$real" >>"$BENCH_TMP/rounds.jsonl"
}

for r in $(seq 1 "$ROUNDS"); do
  if [ $(( r % 2 )) = 1 ]; then one "$BASE_LABEL" "$BASE_JAR" "$r"; one "$NEW_LABEL" "$NEW_JAR" "$r"
  else one "$NEW_LABEL" "$NEW_JAR" "$r"; one "$BASE_LABEL" "$BASE_JAR" "$r"; fi
done

python3 - "$BENCH_TMP/rounds.jsonl" "$RESULTS_DIR/cpu-compare.json" "$(service_commit)" <<'PY'
import json, statistics, sys, datetime
rounds = [json.loads(l) for l in open(sys.argv[1])]
out = {"figure": "khulasa CPU per summary request, two builds alternated", "date": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"),
       "commit": sys.argv[3], "rounds": rounds, "builds": {}}
for b in dict.fromkeys(r["build"] for r in rounds):
    for k in ("instant_ms", "real_ms"):
        xs = [r[k] for r in rounds if r["build"] == b]
        out["builds"].setdefault(b, {})[k] = {"mean": round(statistics.mean(xs), 3), "min": min(xs), "max": max(xs)}
json.dump(out, open(sys.argv[2], "w"), indent=2)
print(f"{'build':8} {'instant mean (min-max) ms':28} {'398 ms LLM mean (min-max) ms':28}")
for b, v in out["builds"].items():
    i, r = v["instant_ms"], v["real_ms"]
    print(f"{b:8} {i['mean']:.3f} ({i['min']:.3f}-{i['max']:.3f}){'':8} {r['mean']:.3f} ({r['min']:.3f}-{r['max']:.3f})")
PY
