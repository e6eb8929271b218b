#!/usr/bin/env bash
# Figure 2: 1,000 requests in flight against a slow LLM (2 s to answer). Virtual threads should keep
# every request waiting without a thread pool limit: expect p50 ≈ 2 s, ~500 req/s, no errors, and RSS
# that stays bounded. Needs ~2,100 file descriptors (ulimit -n).
#   bench/inflight.sh                 # writes bench/results/inflight-jvm.json
# Efficiency = ideal wall / actual wall = (requests × LLM time) / (connections × run time): 1.0 means every connection
# always had an LLM call open. Targets: efficiency >= 0.9, 0 errors, RSS at the end <= 400 MB.
# The LLM bulkhead (khulasa.llm.max-in-flight, when present) is raised to INFLIGHT for this run: with its default,
# calls beyond it wait khulasa.llm.queue-timeout and then fail with 503 on purpose.
# The figure is the steady state: the JIT is warmed first (BENCH_WARMUP with the fake answering at once, as in
# latency.sh); BENCH_WARMUP=0 measures from a cold JVM instead (the first wave then runs interpreted code).
# Memory: by default the JVM runs as the README recommends for a small box, -Xmx176m -XX:+UseG1GC
# -XX:TrimNativeHeapInterval=1000 (the JVM hands freed native memory, mostly the JIT compiler's arenas, back to the OS
# every second) with MALLOC_ARENA_MAX=2 (glibc keeps fewer malloc arenas); without a heap limit the JVM sizes its heap
# from the machine and RSS ends near 1.2 GiB. KHULASA_JAVA_OPTS="" runs with the JVM's defaults.
# Knobs: INFLIGHT (1000) FAKE_FIRST_TOKEN_MS (2000) BENCH_DURATION (30s) BENCH_WARMUP (15s) KHULASA_CMD BENCH_MODE
#        WRK_HEADER KHULASA_LLM_MAX_IN_FLIGHT (INFLIGHT) KHULASA_JAVA_OPTS (-Xmx176m -XX:+UseG1GC
#        -XX:TrimNativeHeapInterval=1000) MALLOC_ARENA_MAX (2)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BENCH_MODE=${BENCH_MODE:-jvm}
INFLIGHT=${INFLIGHT:-1000}
FAKE_FIRST_TOKEN_MS=${FAKE_FIRST_TOKEN_MS:-2000}
BENCH_DURATION=${BENCH_DURATION:-30s}
BENCH_WARMUP=${BENCH_WARMUP:-15s}
KHULASA_JAVA_OPTS=${KHULASA_JAVA_OPTS--Xmx176m -XX:+UseG1GC -XX:TrimNativeHeapInterval=1000}
# start_khulasa adds KHULASA_JAVA_OPTS to its own command only: a KHULASA_CMD runs as given, with the options it holds
# (an A/B of two jars without them in the command ran with the JVM's defaults: RSS ~1.3 GiB, and the result said
# otherwise until the options actually used were recorded).
java_opts_run=$KHULASA_JAVA_OPTS
if [ -n "${KHULASA_CMD:-}" ]; then
  java_opts_run="as in khulasa_cmd"
  log "KHULASA_CMD runs as given: KHULASA_JAVA_OPTS is not added to it (the small-box options belong in the command)"
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2}

need_fds=$(( INFLIGHT * 2 + 100 ))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_fds" ]; then
  ulimit -n "$need_fds" 2>/dev/null || die "ulimit -n is $(ulimit -n); need $need_fds"
fi

use_jdk
export KHULASA_LLM_MAX_IN_FLIGHT=${KHULASA_LLM_MAX_IN_FLIGHT:-$INFLIGHT}
[ -n "${KHULASA_CMD:-}" ] || build_app
# No token pacing: the whole 2 s is "time to first token", as with a busy hosted model.
start_fake_llm "$(free_port 18100 18499)" --first-token-ms "$FAKE_FIRST_TOKEN_MS" --output-tokens 100
start_khulasa "$(free_port 18800 18999)" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120
rss_idle=$(rss_kb "$KHULASA_PID")

summary=$BENCH_TMP/summary-body.json
write_summary_body "$summary"

if [ "$BENCH_WARMUP" != 0 ]; then
  log "JIT warm-up $BENCH_WARMUP with the fake answering at once"
  curl -s -o /dev/null -X POST "${FAKE_URL%/v1}/config?first-token-ms=0"
  run_wrk warmup "$KHULASA_URL/v1/summaries" "$summary" 2 16 "$BENCH_WARMUP" >/dev/null
  curl -s -o /dev/null -X POST "${FAKE_URL%/v1}/config?first-token-ms=$FAKE_FIRST_TOKEN_MS"
fi

log "$INFLIGHT connections for $BENCH_DURATION"
# WRK_HEADER (if set) reaches post.lua through the environment.
load=$(run_wrk "khulasa-inflight-$INFLIGHT" "$KHULASA_URL/v1/summaries" "$summary" 2 "$INFLIGHT" "$BENCH_DURATION")
rss_after=$(rss_kb "$KHULASA_PID")
rss_peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$KHULASA_PID/status")
threads=$(awk '/^Threads:/ {print $2}' "/proc/$KHULASA_PID/status")
stats=$(curl -s --max-time 5 "${FAKE_URL%/v1}/stats" || echo null)
efficiency=$(echo "$load" | python3 -c "import json,sys; j=json.load(sys.stdin); print(round(j['requests'] * $FAKE_FIRST_TOKEN_MS / 1000 / ($INFLIGHT * j['duration_s']), 3))")
errors=$(echo "$load" | python3 -c "import json,sys; j=json.load(sys.stdin); print(j['non_2xx'] + sum(j['socket_errors'].values()))")

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/inflight-$BENCH_MODE.json
cat >"$out" <<JSON
{
  "figure": "2: $INFLIGHT in flight, LLM answers after ${FAKE_FIRST_TOKEN_MS} ms ($BENCH_MODE)",
  $(result_header)
  "targets": {"efficiency": 0.9, "errors": 0, "rss_mb_end": 400},
  "settings": {"connections": $INFLIGHT, "llm_ms": $FAKE_FIRST_TOKEN_MS, "duration": "$BENCH_DURATION", "jit_warmup": "$BENCH_WARMUP", "khulasa_llm_max_in_flight": $KHULASA_LLM_MAX_IN_FLIGHT,
               "java_opts": "$java_opts_run", "khulasa_cmd": "${KHULASA_CMD:-}", "malloc_arena_max": "${MALLOC_ARENA_MAX:-}"},
  "efficiency": $efficiency,
  "errors": $errors,
  "rss_kib": {"idle": $rss_idle, "after_load": $rss_after, "peak": $rss_peak},
  "os_threads_after_load": $threads,
  "fake_llm_stats": $stats,
  "load": $load
}
JSON
log "wrote $out"
python3 - "$out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
l, r, f = j["load"], j["rss_kib"], j["fake_llm_stats"] or {}
print(f"\nFigure 2 — {j['settings']['connections']} in flight, LLM {j['settings']['llm_ms']} ms, {j['date']} {j['commit']}")
print(f"requests {l['requests']} in {l['duration_s']} s; p50 {l['latency_ms']['p50']} ms, p99 {l['latency_ms']['p99']} ms")
print(f"efficiency {j['efficiency']} (target >= 0.9); errors {j['errors']} (target 0); "
      f"LLM calls in flight at most {f.get('maxInFlight')}")
print(f"RSS idle {r['idle'] // 1024} MiB, end {r['after_load'] // 1024} MiB (target <= 400 MB), peak {r['peak'] // 1024} MiB; "
      f"OS threads {j['os_threads_after_load']}")
PY
