#!/usr/bin/env bash
# Figure 1b: added latency of two builds side by side, the LLM answering at once. One fake LLM, two khulasa
# processes (the base build and this tree's), and the direct call, measured in alternating short rounds at the same
# concurrency (the order rotates each round), so that all three see the same background load. Reports, per target,
# the median over rounds of wrk's p50 and p99, and each build's added p50 (its p50 minus the direct p50 of the same
# round) round by round, so noise shows as spread.
#   BASE_JAR=/path/to/base/target/quarkus-app/quarkus-run.jar bench/latency-ab.sh   # writes results/latency-ab.json
# The same side by side at figure 1's c=32 row (the 398 ms fake, the 32 clients' first requests spread over one model
# time, each target warmed a minute at that timing first), where one latency.sh run is too noisy to compare two builds:
#   FAKE_FIRST_TOKEN_MS=200 FAKE_TPS=500 C=32 STAGGER=1 ROUND=5s ROUNDS=10 BASE_JAR=… bench/latency-ab.sh
# and two JVM flag sets on one jar: BASE_JAR=NEW_JAR=<jar> NEW_JAVA_OPTS=-XX:+UseTransparentHugePages.
# Two request variants in one process (two paths through the same JVM, which sees both the same way):
#   ONE_PROCESS=1 BASE_JAR=<jar> BASE_HEADER='Accept: application/json;q=1.0' bench/latency-ab.sh
# Knobs (env): NEW_JAR (this tree's build) ROUNDS (8) ROUND (3s) C (1) BENCH_WARMUP (40s per build, at 16 connections,
#   the fake answering at once) FAKE_FIRST_TOKEN_MS (0) FAKE_TPS (0 = the whole answer at once) FAKE_OUTPUT_TOKENS (100)
#   STAGGER (0; 1 = spread the C connections' first requests over one model time) REAL_WARMUP (60s per target at C
#   when the fake is not instant) BASE_JAVA_OPTS NEW_JAVA_OPTS BASE_LABEL NEW_LABEL AB_OUT (results/latency-ab.json)
#   ONE_PROCESS (0; 1 = one process of BASE_JAR serves both targets) BASE_HEADER NEW_HEADER (one extra request header
#   per target, "Name: value"; both default to WRK_HEADER)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ROUNDS=${ROUNDS:-8}
ROUND=${ROUND:-3s}
C=${C:-1}
BENCH_WARMUP=${BENCH_WARMUP:-40s}
FAKE_FIRST_TOKEN_MS=${FAKE_FIRST_TOKEN_MS:-0}
FAKE_TPS=${FAKE_TPS:-0}
FAKE_OUTPUT_TOKENS=${FAKE_OUTPUT_TOKENS:-100}
STAGGER=${STAGGER:-0}
REAL_WARMUP=${REAL_WARMUP:-60s}
ONE_PROCESS=${ONE_PROCESS:-0}
BASE_HEADER=${BASE_HEADER:-${WRK_HEADER:-}}
NEW_HEADER=${NEW_HEADER:-${WRK_HEADER:-}}
BASE_LABEL=${BASE_LABEL:-base}
NEW_LABEL=${NEW_LABEL:-new}
[ -f "${BASE_JAR:-}" ] || die "set BASE_JAR to the base build's target/quarkus-app/quarkus-run.jar"

use_jdk
if [ "$ONE_PROCESS" = 1 ]; then
  NEW_JAR=$BASE_JAR NEW_JAVA_OPTS=${BASE_JAVA_OPTS:-}
fi
[ -n "${NEW_JAR:-}" ] || { build_app; NEW_JAR=$REPO_DIR/target/quarkus-app/quarkus-run.jar; }
model_ms=$(fake_answer_ms "$FAKE_FIRST_TOKEN_MS" "$FAKE_TPS" "$FAKE_OUTPUT_TOKENS")
start_fake_llm "$(free_port 18100 18499)" --first-token-ms 0 --tokens-per-second 0 --output-tokens "$FAKE_OUTPUT_TOKENS"
FAKE_ROOT=${FAKE_URL%/v1}
if [ "$ONE_PROCESS" = 1 ]; then
  KHULASA_CMD="java ${BASE_JAVA_OPTS:+$BASE_JAVA_OPTS }-jar $BASE_JAR" start_khulasa "$(free_port 18800 18899)" "$FAKE_URL"
  BASE_PID=$KHULASA_PID BASE_URL=$KHULASA_URL NEW_PID=$KHULASA_PID NEW_URL=$KHULASA_URL
  wait_http_200 "$BASE_URL/q/health/ready" "$BASE_PID" 120
else
  start_two_builds
fi

chat=$BENCH_TMP/chat-body.json
summary=$BENCH_TMP/summary-body.json
write_chat_body "$chat"
write_summary_body "$summary"
# Every answer is a fresh LLM call, as in figure 1.
nocache='Cache-Control: no-cache'
for probe in "$BASE_URL|$BASE_HEADER" "$NEW_URL|$NEW_HEADER"; do
  url=${probe%%|*} header=${probe#*|}
  code=$(curl -s -o "$BENCH_TMP/probe.json" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
    -H "$nocache" ${header:+-H "$header"} --data-binary @"$summary" "$url/v1/summaries")
  [ "$code" = 200 ] || { cat "$BENCH_TMP/probe.json" >&2; die "POST $url/v1/summaries answered $code"; }
done
log "warm-up $BENCH_WARMUP per build at 16 connections"
WRK_HEADER=$BASE_HEADER run_wrk warmup-base "$BASE_URL/v1/summaries" "$summary" 2 16 "$BENCH_WARMUP" -H "$nocache" >/dev/null
WRK_HEADER=$NEW_HEADER run_wrk warmup-new "$NEW_URL/v1/summaries" "$summary" 2 16 "$BENCH_WARMUP" -H "$nocache" >/dev/null
run_wrk warmup-direct "$FAKE_URL/chat/completions" "$chat" 1 4 3s >/dev/null
threads=$(( C == 1 ? 1 : 2 ))
stagger_ms=
if [ "$model_ms" -gt 0 ]; then
  # The JIT recompiles for about a minute after the timing changes (bench/README.md, issue 20 phase 14): every target
  # gets REAL_WARMUP at the measured timing before the rounds.
  curl -s -o /dev/null -X POST "$FAKE_ROOT/config?first-token-ms=$FAKE_FIRST_TOKEN_MS&tokens-per-second=$FAKE_TPS"
  log "the fake answering in $model_ms ms: warm-up $REAL_WARMUP per target at c=$C"
  WRK_HEADER=$BASE_HEADER run_wrk warmup-real-base "$BASE_URL/v1/summaries" "$summary" "$threads" "$C" "$REAL_WARMUP" -H "$nocache" >/dev/null
  WRK_HEADER=$NEW_HEADER run_wrk warmup-real-new "$NEW_URL/v1/summaries" "$summary" "$threads" "$C" "$REAL_WARMUP" -H "$nocache" >/dev/null
  run_wrk warmup-real-direct "$FAKE_URL/chat/completions" "$chat" "$threads" "$C" "$REAL_WARMUP" >/dev/null
  [ "$STAGGER" = 1 ] && stagger_ms=$model_ms
fi

runs=$BENCH_TMP/runs.jsonl
: >"$runs"
targets=(direct base new)
log "$ROUNDS rounds of $ROUND per target at c=$C (the fake: $model_ms ms, first requests spread: $STAGGER), order rotating"
for r in $(seq 1 "$ROUNDS"); do
  for i in 0 1 2; do
    t=${targets[$(( (r + i) % 3 ))]}
    case $t in
      direct) url=$FAKE_URL/chat/completions; body=$chat; header=${WRK_HEADER:-} ;;
      base) url=$BASE_URL/v1/summaries; body=$summary; header=$BASE_HEADER ;;
      new) url=$NEW_URL/v1/summaries; body=$summary; header=$NEW_HEADER ;;
    esac
    line=$(WRK_HEADER=$header WRK_STAGGER_MS=$stagger_ms run_wrk "$t-r$r" "$url" "$body" "$threads" "$C" "$ROUND" -H "$nocache")
    echo "$line" | grep -q '"non_2xx":0,' || log "WARNING: $t round $r had non-2xx answers"
    echo "$line" >>"$runs"
  done
done

mkdir -p "$RESULTS_DIR"
out=${AB_OUT:-$RESULTS_DIR/latency-ab.json}
python3 - "$runs" "$out" "$(result_header)" "$BASE_JAR" "$NEW_JAR" "$BASE_LABEL" "$NEW_LABEL" "$C" "$ROUNDS" "$ROUND" \
  "$model_ms" "$STAGGER" "${BASE_JAVA_OPTS:-}" "${NEW_JAVA_OPTS:-}" "$REAL_WARMUP" "$ONE_PROCESS" "$BASE_HEADER" \
  "$NEW_HEADER" <<'PY'
import json, re, statistics, sys
(runs_file, out, header, base_jar, new_jar, base_label, new_label, c, rounds, round_len, model_ms, stagger,
 base_opts, new_opts, real_warmup, one_process, base_header, new_header) = sys.argv[1:]
model_ms = int(model_ms)
runs = [json.loads(l) for l in open(runs_file)]
by = {}
for r in runs:
    target, rnd = re.match(r"(\w+)-r(\d+)", r["label"]).groups()
    by.setdefault(target, {})[int(rnd)] = r
def med(target, key):
    return round(statistics.median(v["latency_ms"][key] for v in by[target].values()), 3)
result = json.loads("{" + header.rstrip(",") + "}")
result.update({
    "figure": "1b: added latency of two builds side by side, "
              + ("LLM answering at once" if model_ms == 0 else f"LLM answering in {model_ms} ms"),
    "builds": {base_label: base_jar, new_label: new_jar},
    "java_opts": {base_label: base_opts, new_label: new_opts},
    "one_process": one_process == "1",
    "request_headers": {base_label: base_header, new_label: new_header},
    "method": {"concurrency": int(c), "rounds": int(rounds), "round": round_len, "fake_ms": model_ms,
               "first_requests_spread": stagger == "1",
               "real_warmup": real_warmup if model_ms else None,
               "order": "rotating: direct, base, new; base, new, direct; ...",
               "cache": "Cache-Control: no-cache (every answer a fresh LLM call)"},
    "median_over_rounds_ms": {t: {"p50": med(t, "p50"), "p99": med(t, "p99")} for t in ("direct", "base", "new")},
    "added_p50_by_round_ms": {label: [round(by[t][k]["latency_ms"]["p50"] - by["direct"][k]["latency_ms"]["p50"], 3)
                                     for k in sorted(by[t])] for t, label in (("base", base_label), ("new", new_label))},
    "runs": runs,
})
for t, label in (("base", base_label), ("new", new_label)):
    result["added_p50_by_round_ms"][label + "_median"] = round(statistics.median(result["added_p50_by_round_ms"][label]), 3)
a = result["added_p50_by_round_ms"]
result["rounds_new_lower"] = sum(n < b for b, n in zip(a[base_label], a[new_label]))
json.dump(result, open(out, "w"), indent=2, ensure_ascii=False)
m = result["median_over_rounds_ms"]
print(f"\nFigure 1b, c={c}, the fake {model_ms} ms, {result['date']} {result['commit']}: median over {rounds} rounds (ms)")
for t in ("direct", "base", "new"):
    print(f"  {t:7} p50 {m[t]['p50']:.3f}  p99 {m[t]['p99']:.3f}")
for label in (base_label, new_label):
    a = result["added_p50_by_round_ms"]
    print(f"  added p50 {label}: median {a[label + '_median']:.3f}, by round {a[label]}")
print(f"  {new_label} lower in {result['rounds_new_lower']} of {rounds} rounds")
PY
log "wrote $out"
