#!/usr/bin/env bash
# Figure 1c taken apart: where a summary request's CPU goes when every request finds khulasa idle (figure 1's c=32
# spread row: the fake answering in 398 ms, 32 connections whose first requests are spread over one model time),
# against the same request hot (the fake answering at once, one connection, back to back), part by part of the
# request's path (bench/cold-hot.py holds the parts as a table). CPU samples every 100 µs of CPU time from
# async-profiler (tools.profiler:async-profiler from Maven Central, its Linux library attached to the running JVM with
# `jcmd JVMTI.agent_load`; JFR's 10–20 ms samples are too few for a request of a millisecond).
#   bench/cold-profile.sh        # prints the table; writes bench/results/cold-profile.json
# The cold profile starts after COLD_SETTLE at the 398 ms timing without the profiler: the JIT recompiles for about a
# minute after the timing changes (bench/README.md, phase 18), and a profile taken during it overstates every part.
# The profiler itself slows each sample's thread, so read the ratios and the shares, not the absolute samples.
# Knobs (env): ASYNC_PROFILER_VERSION (4.1) BENCH_WARMUP (60s, at once, 16 connections) HOT_DURATION (30s)
#   COLD_SETTLE (90s) COLD_DURATION (60s) INTERVAL (100us) KHULASA_CMD BENCH_ARTICLE
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ASYNC_PROFILER_VERSION=${ASYNC_PROFILER_VERSION:-4.1}
BENCH_WARMUP=${BENCH_WARMUP:-60s}
HOT_DURATION=${HOT_DURATION:-30s}
COLD_SETTLE=${COLD_SETTLE:-90s}
COLD_DURATION=${COLD_DURATION:-60s}
INTERVAL=${INTERVAL:-100us}
FIRST_TOKEN_MS=200 TPS=500 OUTPUT_TOKENS=100

use_jdk
[ -n "${KHULASA_CMD:-}" ] || build_app
case "$(uname -m)" in x86_64) ap_arch=linux-x64 ;; aarch64) ap_arch=linux-arm64 ;; *) die "no async-profiler library for $(uname -m)" ;; esac
ap_dir=$REPO_DIR/target/async-profiler-$ASYNC_PROFILER_VERSION
ap_lib=$ap_dir/$ap_arch/libasyncProfiler.so
if [ ! -f "$ap_lib" ]; then
  log "async-profiler $ASYNC_PROFILER_VERSION from Maven Central"
  (cd "$REPO_DIR" && ./mvnw -q -B dependency:copy -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" \
    -DoutputDirectory="$ap_dir") || die "could not fetch tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION"
  (cd "$ap_dir" && unzip -q -o "async-profiler-$ASYNC_PROFILER_VERSION.jar" "$ap_arch/*")
fi
# jcmd passes the agent's options as one argument only when they are quoted inside it. It exits 0 whatever the agent
# answered: the agent's own "return code" says whether the command was taken.
profiler() {
  jcmd "$KHULASA_PID" JVMTI.agent_load "$ap_lib" "\"$1\"" >"$BENCH_TMP/jcmd.out" 2>&1 \
    && grep -q 'return code: 0' "$BENCH_TMP/jcmd.out" || { cat "$BENCH_TMP/jcmd.out" >&2; die "async-profiler: $1"; }
}

start_fake_llm "$(free_port 18100 18499)" --first-token-ms 0 --tokens-per-second 0 --output-tokens "$OUTPUT_TOKENS"
# Attaching an agent to a running JVM is allowed with a warning on JDK 21+; the flag says it is meant.
KHULASA_JAVA_OPTS="${KHULASA_JAVA_OPTS:+$KHULASA_JAVA_OPTS }-XX:+EnableDynamicAgentLoading"
start_khulasa "$(free_port 18800 18999)" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120
summary=$BENCH_TMP/summary-body.json
write_summary_body "$summary"
url=$KHULASA_URL/v1/summaries

log "JIT warm-up $BENCH_WARMUP with the fake answering at once"
run_wrk warmup "$url" "$summary" 2 16 "$BENCH_WARMUP" >/dev/null
run_wrk settle-hot "$url" "$summary" 1 1 20s >/dev/null
log "hot: $HOT_DURATION at one connection, profiled"
profiler "start,event=cpu,interval=$INTERVAL,threads"
hot_line=$(run_wrk hot "$url" "$summary" 1 1 "$HOT_DURATION")
profiler "stop,file=$BENCH_TMP/hot.collapsed,collapsed"

curl -s -o /dev/null -X POST "${FAKE_URL%/v1}/config?first-token-ms=$FIRST_TOKEN_MS&tokens-per-second=$TPS"
spread_ms=$(fake_answer_ms "$FIRST_TOKEN_MS" "$TPS" "$OUTPUT_TOKENS")
log "cold: the fake answers in $spread_ms ms; $COLD_SETTLE at 32 connections spread, not profiled, then $COLD_DURATION profiled"
WRK_STAGGER_MS=$spread_ms run_wrk settle-cold "$url" "$summary" 2 32 "$COLD_SETTLE" >/dev/null
profiler "start,event=cpu,interval=$INTERVAL,threads"
cold_line=$(WRK_STAGGER_MS=$spread_ms run_wrk cold "$url" "$summary" 2 32 "$COLD_DURATION")
profiler "stop,file=$BENCH_TMP/cold.collapsed,collapsed"

requests() { echo "$1" | sed -E 's/.*"requests":([0-9]+).*/\1/'; }
hot_n=$(requests "$hot_line") cold_n=$(requests "$cold_line")
for line in "$hot_line" "$cold_line"; do
  [ "$(echo "$line" | sed -E 's/.*"non_2xx":([0-9]+).*/\1/')" = 0 ] || die "non-2xx answers while profiling: $line"
done
mkdir -p "$RESULTS_DIR"
parts=$BENCH_TMP/parts.json
echo "summary, commit $(service_commit), $(date -u +%Y-%m-%dT%H:%M:%SZ): $cold_n cold and $hot_n hot requests"
python3 "$BENCH_DIR/cold-hot.py" "$BENCH_TMP/cold.collapsed" "$cold_n" "$BENCH_TMP/hot.collapsed" "$hot_n" "$parts"
{
  printf '{\n  "figure": "1c taken apart: CPU samples per request, cold against hot",\n  '
  result_header
  printf '\n  "khulasa_cmd": %s,\n' "$(printf '%s' "${KHULASA_CMD:-java ${KHULASA_JAVA_OPTS:+$KHULASA_JAVA_OPTS }-jar target/quarkus-app/quarkus-run.jar}" \
    | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')"
  printf '  "profiler": "async-profiler %s, event=cpu, interval=%s",\n' "$ASYNC_PROFILER_VERSION" "$INTERVAL"
  printf '  "hot": {"fake_llm_ms": 0, "connections": 1, "wrk": %s},\n' "$hot_line"
  printf '  "cold": {"fake_llm_ms": %s, "connections": 32, "first_requests_spread": true, "settle": "%s", "wrk": %s},\n' \
    "$spread_ms" "$COLD_SETTLE" "$cold_line"
  printf '  "samples_per_request": %s\n}\n' "$(cat "$parts")"
} >"$RESULTS_DIR/cold-profile.json"
log "wrote $RESULTS_DIR/cold-profile.json"
