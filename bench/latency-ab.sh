#!/usr/bin/env bash
# Figure 1b: added latency of two builds side by side, the LLM answering at once. One fake LLM, two khulasa
# processes (the base build and this tree's), and the direct call, measured in alternating short rounds at the same
# concurrency (the order rotates each round), so that all three see the same background load. Reports, per target,
# the median over rounds of wrk's p50 and p99, and each build's added p50 (its p50 minus the direct p50 of the same
# round) round by round, so noise shows as spread.
#   BASE_JAR=/path/to/base/target/quarkus-app/quarkus-run.jar bench/latency-ab.sh   # writes results/latency-ab.json
# Knobs (env): NEW_JAR (this tree's build) ROUNDS (8) ROUND (3s) C (1) BENCH_WARMUP (40s per build, at 16 connections)
#   BASE_LABEL NEW_LABEL
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ROUNDS=${ROUNDS:-8}
ROUND=${ROUND:-3s}
C=${C:-1}
BENCH_WARMUP=${BENCH_WARMUP:-40s}
BASE_LABEL=${BASE_LABEL:-base}
NEW_LABEL=${NEW_LABEL:-new}
[ -f "${BASE_JAR:-}" ] || die "set BASE_JAR to the base build's target/quarkus-app/quarkus-run.jar"

use_jdk
[ -n "${NEW_JAR:-}" ] || { build_app; NEW_JAR=$REPO_DIR/target/quarkus-app/quarkus-run.jar; }
start_fake_llm "$(free_port 18100 18499)" --first-token-ms 0 --tokens-per-second 0 --output-tokens 100
start_two_builds

chat=$BENCH_TMP/chat-body.json
summary=$BENCH_TMP/summary-body.json
write_chat_body "$chat"
write_summary_body "$summary"
# Every answer is a fresh LLM call, as in figure 1.
nocache='Cache-Control: no-cache'
for url in "$BASE_URL" "$NEW_URL"; do
  code=$(curl -s -o "$BENCH_TMP/probe.json" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
    -H "$nocache" --data-binary @"$summary" "$url/v1/summaries")
  [ "$code" = 200 ] || { cat "$BENCH_TMP/probe.json" >&2; die "POST $url/v1/summaries answered $code"; }
done
log "warm-up $BENCH_WARMUP per build at 16 connections"
run_wrk warmup-base "$BASE_URL/v1/summaries" "$summary" 2 16 "$BENCH_WARMUP" -H "$nocache" >/dev/null
run_wrk warmup-new "$NEW_URL/v1/summaries" "$summary" 2 16 "$BENCH_WARMUP" -H "$nocache" >/dev/null
run_wrk warmup-direct "$FAKE_URL/chat/completions" "$chat" 1 4 3s >/dev/null

runs=$BENCH_TMP/runs.jsonl
: >"$runs"
targets=(direct base new)
log "$ROUNDS rounds of $ROUND per target at c=$C, order rotating"
for r in $(seq 1 "$ROUNDS"); do
  for i in 0 1 2; do
    t=${targets[$(( (r + i) % 3 ))]}
    case $t in
      direct) url=$FAKE_URL/chat/completions; body=$chat ;;
      base) url=$BASE_URL/v1/summaries; body=$summary ;;
      new) url=$NEW_URL/v1/summaries; body=$summary ;;
    esac
    line=$(run_wrk "$t-r$r" "$url" "$body" 1 "$C" "$ROUND" -H "$nocache")
    echo "$line" | grep -q '"non_2xx":0,' || log "WARNING: $t round $r had non-2xx answers"
    echo "$line" >>"$runs"
  done
done

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/latency-ab.json
python3 - "$runs" "$out" "$(result_header)" "$BASE_JAR" "$NEW_JAR" "$BASE_LABEL" "$NEW_LABEL" "$C" "$ROUNDS" "$ROUND" <<'PY'
import json, re, statistics, sys
runs_file, out, header, base_jar, new_jar, base_label, new_label, c, rounds, round_len = sys.argv[1:]
runs = [json.loads(l) for l in open(runs_file)]
by = {}
for r in runs:
    target, rnd = re.match(r"(\w+)-r(\d+)", r["label"]).groups()
    by.setdefault(target, {})[int(rnd)] = r
def med(target, key):
    return round(statistics.median(v["latency_ms"][key] for v in by[target].values()), 3)
result = json.loads("{" + header.rstrip(",") + "}")
result.update({
    "figure": "1b: added latency of two builds side by side, LLM answering at once",
    "builds": {base_label: base_jar, new_label: new_jar},
    "method": {"concurrency": int(c), "rounds": int(rounds), "round": round_len,
               "order": "rotating: direct, base, new; base, new, direct; ...",
               "cache": "Cache-Control: no-cache (every answer a fresh LLM call)"},
    "median_over_rounds_ms": {t: {"p50": med(t, "p50"), "p99": med(t, "p99")} for t in ("direct", "base", "new")},
    "added_p50_by_round_ms": {label: [round(by[t][k]["latency_ms"]["p50"] - by["direct"][k]["latency_ms"]["p50"], 3)
                                     for k in sorted(by[t])] for t, label in (("base", base_label), ("new", new_label))},
    "runs": runs,
})
for t, label in (("base", base_label), ("new", new_label)):
    result["added_p50_by_round_ms"][label + "_median"] = round(statistics.median(result["added_p50_by_round_ms"][label]), 3)
json.dump(result, open(out, "w"), indent=2, ensure_ascii=False)
m = result["median_over_rounds_ms"]
print(f"\nFigure 1b, c={c}, {result['date']} {result['commit']}: median over {rounds} rounds (ms)")
for t in ("direct", "base", "new"):
    print(f"  {t:7} p50 {m[t]['p50']:.3f}  p99 {m[t]['p99']:.3f}")
for label in (base_label, new_label):
    a = result["added_p50_by_round_ms"]
    print(f"  added p50 {label}: median {a[label + '_median']:.3f}, by round {a[label]}")
PY
log "wrote $out"
