#!/usr/bin/env bash
# Figure 2: 1,000 requests in flight against a slow LLM (2 s to answer). Virtual threads should keep
# every request waiting without a thread pool limit: expect p50 ≈ 2 s, ~500 req/s, no errors, and RSS
# that stays bounded. Needs ~2,100 file descriptors (ulimit -n).
#   bench/inflight.sh                 # writes bench/results/inflight-jvm.json
# Knobs: INFLIGHT (1000) FAKE_FIRST_TOKEN_MS (2000) BENCH_DURATION (30s) KHULASA_CMD BENCH_MODE WRK_HEADER
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BENCH_MODE=${BENCH_MODE:-jvm}
INFLIGHT=${INFLIGHT:-1000}
FAKE_FIRST_TOKEN_MS=${FAKE_FIRST_TOKEN_MS:-2000}
BENCH_DURATION=${BENCH_DURATION:-30s}

need_fds=$(( INFLIGHT * 2 + 100 ))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_fds" ]; then
  ulimit -n "$need_fds" 2>/dev/null || die "ulimit -n is $(ulimit -n); need $need_fds"
fi

use_jdk
[ -n "${KHULASA_CMD:-}" ] || build_app
# No token pacing: the whole 2 s is "time to first token", as with a busy hosted model.
start_fake_llm "$(free_port 18100 18499)" --first-token-ms "$FAKE_FIRST_TOKEN_MS" --output-tokens 100
start_khulasa "$(free_port 18800 18999)" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120
rss_idle=$(rss_kb "$KHULASA_PID")

summary=$BENCH_TMP/summary-body.json
write_summary_body "$summary"

log "$INFLIGHT connections for $BENCH_DURATION"
# WRK_HEADER (if set) reaches post.lua through the environment.
load=$(run_wrk "khulasa-inflight-$INFLIGHT" "$KHULASA_URL/v1/summaries" "$summary" 2 "$INFLIGHT" "$BENCH_DURATION")
rss_after=$(rss_kb "$KHULASA_PID")
rss_peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$KHULASA_PID/status")
threads=$(awk '/^Threads:/ {print $2}' "/proc/$KHULASA_PID/status")
stats=$(curl -s --max-time 5 "${FAKE_URL%/v1}/stats" || echo null)

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/inflight-$BENCH_MODE.json
cat >"$out" <<JSON
{
  "figure": "2: $INFLIGHT in flight, LLM answers after ${FAKE_FIRST_TOKEN_MS} ms ($BENCH_MODE)",
  $(result_header)
  "rss_kib": {"idle": $rss_idle, "after_load": $rss_after, "peak": $rss_peak},
  "os_threads_after_load": $threads,
  "fake_llm_stats": $stats,
  "load": $load
}
JSON
log "wrote $out"
cat "$out"
