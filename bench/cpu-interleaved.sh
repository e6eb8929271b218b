#!/usr/bin/env bash
# Figure 12c: khulasa's CPU per request, two builds running side by side, measured in short interleaved slices.
# Why: on this shared 2 vCPU host the speed of the machine itself drifts by a third within minutes (the fake LLM's
# own CPU per call is the control that shows it), so two runs of bench/cpu.sh minutes apart, or cpu-compare.sh's
# rounds of a minute each, compare hosts more than builds. Here both jars are up at once against one fake LLM
# answering at once; each slice sends SLICE of load to one build only and reads that process's CPU ticks
# (/proc/<pid>/stat), the builds alternating slice by slice (base first in odd slices), so both see the same host.
# The idle build's own background (timers, metrics: ~0.5 ticks/s) is not counted: only the measured process is read.
#   BASE_JAR=/path/to/base/target/quarkus-app/quarkus-run.jar bench/cpu-interleaved.sh
# Knobs (env): SLICES (10 per build, task and concurrency) SLICE (3s) BENCH_WARMUP (30s per build and task)
#   CPU_TASKS ("summary digest") CPU_CONNECTIONS ("1 4") BASE_LABEL (base) NEW_LABEL (new) BENCH_ARTICLE
#   CPU_ROTATE (1: distinct articles sent in turn, as bench/cpu.sh does; those whose fake answer fails a guard on
#   either build are left out)
# Writes bench/results/cpu-interleaved.json (cpu-interleaved-rotating.json with CPU_ROTATE=1) and prints a table
# (median and range of the slices, ms per request).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SLICES=${SLICES:-10}
SLICE=${SLICE:-3s}
BENCH_WARMUP=${BENCH_WARMUP:-30s}
BASE_LABEL=${BASE_LABEL:-base}
NEW_LABEL=${NEW_LABEL:-new}
read -r -a TASKS <<<"${CPU_TASKS:-summary digest}"
read -r -a CONNS <<<"${CPU_CONNECTIONS:-1 4}"
[ -f "${BASE_JAR:-}" ] || die "set BASE_JAR to the base build's target/quarkus-app/quarkus-run.jar"

use_jdk
[ -n "${NEW_JAR:-}" ] || { build_app; NEW_JAR=$REPO_DIR/target/quarkus-app/quarkus-run.jar; }
start_fake_llm "$(free_port 18100 18499)" --first-token-ms 0 --tokens-per-second 0 --output-tokens 100
FAKE_ROOT=${FAKE_URL%/v1}
start_two_builds

body=$BENCH_TMP/article-body.json
write_summary_body "$body"
result_name=cpu-interleaved.json
article_label=$(basename "$BENCH_ARTICLE")
hz=$(getconf CLK_TCK)
path_of() { case "$1" in summary) echo /v1/summaries ;; translation) echo /v1/translations ;; digest) echo /v1/digests ;;
  *) die "unknown task $1" ;; esac; }
ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
if [ "${CPU_ROTATE:-0}" = 1 ]; then
  write_article_bodies "$body"
  export WRK_BODY_LINES=1
  result_name=cpu-interleaved-rotating.json
  urls=()
  for t in "${TASKS[@]}"; do urls+=("$BASE_URL$(path_of "$t")" "$NEW_URL$(path_of "$t")"); done
  keep_articles_answered "$body" "${urls[@]}"
  article_label="$(wc -l <"$body") distinct articles of $(basename "$BENCH_ARTICLES") in turn (of $KEPT_OF)"
fi

for t in "${TASKS[@]}"; do
  for b in base new; do
    url=$([ $b = base ] && echo "$BASE_URL" || echo "$NEW_URL")
    log "warm-up $BENCH_WARMUP of $b on $(path_of "$t") at 16 connections"
    run_wrk "warmup-$b-$t" "$url$(path_of "$t")" "$body" 2 16 "$BENCH_WARMUP" >/dev/null
  done
done

: >"$BENCH_TMP/slices.jsonl"
for t in "${TASKS[@]}"; do
  for c in "${CONNS[@]}"; do
    log "$t at c=$c: $SLICES slices of $SLICE per build, interleaved"
    for s in $(seq 1 "$SLICES"); do
      order=(base new)
      [ $(( s % 2 )) = 0 ] && order=(new base)
      for b in "${order[@]}"; do
        pid=$([ $b = base ] && echo "$BASE_PID" || echo "$NEW_PID")
        url=$([ $b = base ] && echo "$BASE_URL" || echo "$NEW_URL")
        before=$(ticks_of "$pid")
        fake_before=$(ticks_of "$FAKE_PID")
        line=$(run_wrk "$b-$t-c$c-s$s" "$url$(path_of "$t")" "$body" 1 "$c" "$SLICE")
        ticks=$(( $(ticks_of "$pid") - before ))
        fake_ticks=$(( $(ticks_of "$FAKE_PID") - fake_before ))
        echo "$line" | grep -q '"non_2xx":0,' || die "$b $t: non-2xx answers: $line"
        n=$(echo "$line" | sed -E 's/.*"requests":([0-9]+).*/\1/')
        printf '{"build":"%s","task":"%s","connections":%s,"slice":%s,"requests":%s,"ticks":%s,"fake_ticks":%s}\n' \
          "$b" "$t" "$c" "$s" "$n" "$ticks" "$fake_ticks" >>"$BENCH_TMP/slices.jsonl"
      done
    done
  done
done

mkdir -p "$RESULTS_DIR"
python3 - "$BENCH_TMP/slices.jsonl" "$RESULTS_DIR/$result_name" "$hz" "$BASE_LABEL" "$NEW_LABEL" \
  "$(service_commit)" "$SLICE" "$article_label" <<'PY'
import datetime, json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
hz, labels = int(sys.argv[3]), {"base": sys.argv[4], "new": sys.argv[5]}
out = {"figure": "12c: khulasa CPU per request, two builds side by side in interleaved slices, LLM answering at once",
       "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": sys.argv[6],
       "builds": labels, "method": {"slice": sys.argv[7], "article": sys.argv[8], "clk_tck": hz,
       "note": "ms of the measured process's CPU per request in each slice; the fake LLM's CPU per call is the host's control"},
       "slices": rows, "summary": []}
print(f"{'task':12} {'c':>2}  {'build':10} {'median ms/req':>13}  {'range':>13}  {'fake ms/call':>12}")
for t in dict.fromkeys(r["task"] for r in rows):
    for c in dict.fromkeys(r["connections"] for r in rows if r["task"] == t):
        for b in ("base", "new"):
            xs = [r for r in rows if r["task"] == t and r["connections"] == c and r["build"] == b]
            ms = [r["ticks"] * 1000 / hz / r["requests"] for r in xs]
            calls = sum(r["requests"] for r in xs) * (2 if t == "digest" else 1)
            fake = sum(r["fake_ticks"] for r in xs) * 1000 / hz / calls
            row = {"task": t, "connections": c, "build": labels[b], "median_ms": round(statistics.median(ms), 3),
                   "min_ms": round(min(ms), 3), "max_ms": round(max(ms), 3), "requests": sum(r["requests"] for r in xs),
                   "fake_llm_cpu_ms_per_call": round(fake, 3)}
            out["summary"].append(row)
            print(f"{t:12} {c:>2}  {labels[b]:10} {row['median_ms']:>13.3f}  {row['min_ms']:.3f}-{row['max_ms']:.3f}  {fake:>12.3f}")
json.dump(out, open(sys.argv[2], "w"), indent=1)
PY
