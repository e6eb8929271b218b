#!/usr/bin/env bash
# Where khulasa's own time goes on the figure-1 request (POST /v1/summaries, 5 KB article): a JFR CPU profile of the
# service with the fake LLM answering at once, summarised by method (bench/jfr-top.py).
#   bench/profile.sh                  # prints the top frames; keeps the recording in bench/results/profile.jfr
# Knobs (env): PROFILE_WARMUP (20s) PROFILE_DURATION (30s) PROFILE_CONNECTIONS (2) BENCH_ARTICLE KHULASA_JAVA_OPTS
# The recording is not a result table: it is the first step when a figure misses its target.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PROFILE_WARMUP=${PROFILE_WARMUP:-20s}
PROFILE_DURATION=${PROFILE_DURATION:-30s}
PROFILE_CONNECTIONS=${PROFILE_CONNECTIONS:-2}

use_jdk
build_app
start_fake_llm "$(free_port 18100 18499)" --first-token-ms 0 --tokens-per-second 0 --output-tokens 100
port=$(free_port 18800 18999)
start_khulasa "$port" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120

summary=$BENCH_TMP/summary-body.json
write_summary_body "$summary"
log "JIT warm-up $PROFILE_WARMUP"
run_wrk warmup "$KHULASA_URL/v1/summaries" "$summary" 2 16 "$PROFILE_WARMUP" >/dev/null

mkdir -p "$RESULTS_DIR"
jfr_file=$RESULTS_DIR/profile.jfr
log "recording $PROFILE_DURATION at $PROFILE_CONNECTIONS connections"
jcmd "$KHULASA_PID" JFR.start name=bench settings=profile filename="$jfr_file" >/dev/null
line=$(run_wrk profile "$KHULASA_URL/v1/summaries" "$summary" 1 "$PROFILE_CONNECTIONS" "$PROFILE_DURATION")
jcmd "$KHULASA_PID" JFR.stop name=bench >/dev/null
requests=$(echo "$line" | sed -E 's/.*"requests":([0-9]+).*/\1/')
log "$requests requests recorded; $jfr_file"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" >"$BENCH_TMP/samples.txt"
python3 "$BENCH_DIR/jfr-top.py" "$BENCH_TMP/samples.txt" "$requests"
