#!/usr/bin/env bash
# Figure 1 baseline: the same chat request khulasa would send, POSTed straight to the fake LLM at
# concurrency 1 and 32. khulasa's added latency = its latency (same fake settings) minus this.
#   bench/baseline.sh                 # writes bench/results/baseline.json
# Knobs (env): FAKE_FIRST_TOKEN_MS (200) FAKE_TPS (500) FAKE_OUTPUT_TOKENS (100) BENCH_DURATION (20s)
#              BENCH_WARMUP (5s) BENCH_ARTICLE (the reference article)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

FAKE_FIRST_TOKEN_MS=${FAKE_FIRST_TOKEN_MS:-200}
FAKE_TPS=${FAKE_TPS:-500}
FAKE_OUTPUT_TOKENS=${FAKE_OUTPUT_TOKENS:-100}
BENCH_DURATION=${BENCH_DURATION:-20s}
BENCH_WARMUP=${BENCH_WARMUP:-5s}

use_jdk
port=$(free_port 18100 18499)
start_fake_llm "$port" --first-token-ms "$FAKE_FIRST_TOKEN_MS" --tokens-per-second "$FAKE_TPS" \
  --output-tokens "$FAKE_OUTPUT_TOKENS"
body=$BENCH_TMP/chat-body.json
write_chat_body "$body"
url=$FAKE_URL/chat/completions

# One request by hand first: a wrong body must fail here, not as 20 s of 400s.
code=$(curl -s -o "$BENCH_TMP/probe.json" -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' \
  --data-binary @"$body" "$url")
[ "$code" = 200 ] || { cat "$BENCH_TMP/probe.json" >&2; die "probe request answered $code"; }

log "warm-up $BENCH_WARMUP"
run_wrk warmup "$url" "$body" 2 32 "$BENCH_WARMUP" >/dev/null
log "concurrency 1 for $BENCH_DURATION"
c1=$(run_wrk direct-c1 "$url" "$body" 1 1 "$BENCH_DURATION")
log "concurrency 32 for $BENCH_DURATION"
c32=$(run_wrk direct-c32 "$url" "$body" 2 32 "$BENCH_DURATION")

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/baseline.json
cat >"$out" <<JSON
{
  "figure": "1-baseline: chat request sent directly to the fake LLM (no khulasa)",
  $(result_header)
  "fake_llm": {"first_token_ms": $FAKE_FIRST_TOKEN_MS, "tokens_per_second": $FAKE_TPS, "output_tokens": $FAKE_OUTPUT_TOKENS,
               "stream": false, "floor_ms": $(awk -v f="$FAKE_FIRST_TOKEN_MS" -v t="$FAKE_TPS" -v n="$FAKE_OUTPUT_TOKENS" 'BEGIN{printf "%.1f", (t>0 ? f+(n-1)*1000/t : f)}')},
  "request_bytes": $(wc -c <"$body"),
  "runs": [
    $c1,
    $c32
  ]
}
JSON
log "wrote $out"
cat "$out"
