#!/usr/bin/env bash
# Figure 6: start-up and memory of the packaged service, against the fake LLM on 127.0.0.1.
#  - time-to-ready: from just before exec to the first 200 on /q/health/ready (STARTUP_RUNS cold starts;
#    also Quarkus' own "started in" figure, which leaves out JVM boot);
#  - RSS idle (VmRSS, after STARTUP_SETTLE_S of quiet) and RSS after ~1,000 POST /v1/summaries (wrk, 32
#    connections), plus the peak (VmHWM).
#   bench/startup.sh                  # JVM fast-jar, builds it once; writes bench/results/startup-jvm.json
#   KHULASA_CMD=target/khulasa-1.0.0-SNAPSHOT-runner BENCH_MODE=native bench/startup.sh
# Knobs (env): STARTUP_RUNS (5) STARTUP_SETTLE_S (5) LOAD_REQUESTS (1000) LOAD_CONNECTIONS (32)
#   LOAD_DURATION (60s, upper bound: wrk stops each thread after its share of LOAD_REQUESTS but only exits at
#   the end of -d) FAKE_FIRST_TOKEN_MS (200) FAKE_TPS (500) FAKE_OUTPUT_TOKENS (100)
#   WRK_HEADER ("Name: value", e.g. the API key if the profile requires one) KHULASA_JAVA_OPTS (e.g. -Xmx256m)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BENCH_MODE=${BENCH_MODE:-jvm}
STARTUP_RUNS=${STARTUP_RUNS:-5}
STARTUP_SETTLE_S=${STARTUP_SETTLE_S:-5}
LOAD_REQUESTS=${LOAD_REQUESTS:-1000}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-32}
LOAD_DURATION=${LOAD_DURATION:-60s}
FAKE_FIRST_TOKEN_MS=${FAKE_FIRST_TOKEN_MS:-200}
FAKE_TPS=${FAKE_TPS:-500}
FAKE_OUTPUT_TOKENS=${FAKE_OUTPUT_TOKENS:-100}

use_jdk
[ -n "${KHULASA_CMD:-}" ] || build_app
fake_port=$(free_port 18500 18799)
start_fake_llm "$fake_port" --first-token-ms "$FAKE_FIRST_TOKEN_MS" --tokens-per-second "$FAKE_TPS" \
  --output-tokens "$FAKE_OUTPUT_TOKENS"

stop_pid() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

# Quarkus logs "... started in 1.234s." once it is up.
quarkus_started_ms() {
  sed -nE 's/.*started in ([0-9.]+)s.*/\1/p' "$1" | head -n1 | awk '{ if ($1 != "") printf "%d", $1 * 1000; else print "null" }'
}

ready_ms=()
quarkus_ms=()
for run in $(seq 1 "$STARTUP_RUNS"); do
  port=$(free_port 18800 18999)
  start_khulasa "$port" "$FAKE_URL"
  wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120
  ready_ms+=("$(( $(now_ms) - KHULASA_START_MS ))")
  quarkus_ms+=("$(quarkus_started_ms "$KHULASA_LOG")")
  log "run $run: ready after ${ready_ms[-1]} ms (Quarkus: ${quarkus_ms[-1]} ms)"
  [ "$run" -lt "$STARTUP_RUNS" ] && stop_pid "$KHULASA_PID"
done

log "idle for ${STARTUP_SETTLE_S}s"
sleep "$STARTUP_SETTLE_S"
rss_idle=$(rss_kb "$KHULASA_PID")

body=$BENCH_TMP/summary-body.json
write_summary_body "$body"
hdr=()
[ -n "${WRK_HEADER:-}" ] && hdr=(-H "$WRK_HEADER")
# One request by hand first, so that a failing service shows its answer instead of 1,000 errors.
code=$(curl -s -o "$BENCH_TMP/probe.json" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
  "${hdr[@]}" --data-binary @"$body" "$KHULASA_URL/v1/summaries")
[ "$code" = 200 ] || { cat "$BENCH_TMP/probe.json" >&2; echo >&2; die "POST /v1/summaries answered $code"; }

log "~$LOAD_REQUESTS summaries over $LOAD_CONNECTIONS connections"
load=$(WRK_MAX_REQUESTS=$LOAD_REQUESTS run_wrk summaries-c"$LOAD_CONNECTIONS" "$KHULASA_URL/v1/summaries" "$body" 2 \
  "$LOAD_CONNECTIONS" "$LOAD_DURATION")
rss_after=$(rss_kb "$KHULASA_PID")
rss_peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$KHULASA_PID/status")
llm_calls=$(curl -s --max-time 5 "http://127.0.0.1:$fake_port/stats" || echo null)

join() { local IFS=,; echo "$*"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/startup-$BENCH_MODE.json
cat >"$out" <<JSON
{
  "figure": "6: start-up and RSS ($BENCH_MODE)",
  $(result_header)
  "command": "${KHULASA_CMD:-java ${KHULASA_JAVA_OPTS:+$KHULASA_JAVA_OPTS }-jar target/quarkus-app/quarkus-run.jar}",
  "time_to_ready_ms": {"median": $(median "${ready_ms[@]}"), "runs": [$(join "${ready_ms[@]}")]},
  "quarkus_started_in_ms": [$(join "${quarkus_ms[@]}")],
  "rss_kib": {"idle": $rss_idle, "after_load": $rss_after, "peak": $rss_peak},
  "fake_llm": {"first_token_ms": $FAKE_FIRST_TOKEN_MS, "tokens_per_second": $FAKE_TPS, "output_tokens": $FAKE_OUTPUT_TOKENS,
               "stats": $llm_calls},
  "load": $load
}
JSON
log "wrote $out"
cat "$out"
