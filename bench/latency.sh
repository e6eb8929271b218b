#!/usr/bin/env bash
# Figure 1: latency khulasa adds over a direct LLM call. Same fake LLM, same article, concurrency 1 and 32:
# direct POST /v1/chat/completions vs POST /v1/summaries through khulasa (clean + prompt + call + answer).
#   bench/latency.sh                  # writes bench/results/latency-jvm.json
# Knobs: as baseline.sh, plus KHULASA_CMD / BENCH_MODE / WRK_HEADER / KHULASA_JAVA_OPTS as startup.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

BENCH_MODE=${BENCH_MODE:-jvm}
FAKE_FIRST_TOKEN_MS=${FAKE_FIRST_TOKEN_MS:-200}
FAKE_TPS=${FAKE_TPS:-500}
FAKE_OUTPUT_TOKENS=${FAKE_OUTPUT_TOKENS:-100}
BENCH_DURATION=${BENCH_DURATION:-20s}
BENCH_WARMUP=${BENCH_WARMUP:-10s}

use_jdk
[ -n "${KHULASA_CMD:-}" ] || build_app
start_fake_llm "$(free_port 18100 18499)" --first-token-ms "$FAKE_FIRST_TOKEN_MS" --tokens-per-second "$FAKE_TPS" \
  --output-tokens "$FAKE_OUTPUT_TOKENS"
start_khulasa "$(free_port 18800 18999)" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120

chat=$BENCH_TMP/chat-body.json
summary=$BENCH_TMP/summary-body.json
write_chat_body "$chat"
write_summary_body "$summary"
hdr=()
[ -n "${WRK_HEADER:-}" ] && hdr=(-H "$WRK_HEADER")
code=$(curl -s -o "$BENCH_TMP/probe.json" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
  "${hdr[@]}" --data-binary @"$summary" "$KHULASA_URL/v1/summaries")
[ "$code" = 200 ] || { cat "$BENCH_TMP/probe.json" >&2; echo >&2; die "POST /v1/summaries answered $code"; }

# JIT warm-up of the service before anything is recorded.
log "warm-up $BENCH_WARMUP"
run_wrk warmup "$KHULASA_URL/v1/summaries" "$summary" 2 32 "$BENCH_WARMUP" >/dev/null

runs=()
for c in 1 32; do
  t=$(( c == 1 ? 1 : 2 ))
  log "concurrency $c: direct, then through khulasa ($BENCH_DURATION each)"
  runs+=("$(run_wrk direct-c$c "$FAKE_URL/chat/completions" "$chat" "$t" "$c" "$BENCH_DURATION")")
  runs+=("$(run_wrk khulasa-c$c "$KHULASA_URL/v1/summaries" "$summary" "$t" "$c" "$BENCH_DURATION")")
done

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/latency-$BENCH_MODE.json
{
  printf '{\n  "figure": "1: added latency, khulasa vs direct to the fake LLM (%s)",\n  %s\n' "$BENCH_MODE" "$(result_header)"
  printf '  "fake_llm": {"first_token_ms": %s, "tokens_per_second": %s, "output_tokens": %s},\n' \
    "$FAKE_FIRST_TOKEN_MS" "$FAKE_TPS" "$FAKE_OUTPUT_TOKENS"
  sep=""
  printf '  "runs": [\n'
  for r in "${runs[@]}"; do printf '%s    %s' "$sep" "$r"; sep=$',\n'; done
  printf '\n  ]\n}\n'
} >"$out"
log "wrote $out"
cat "$out"
