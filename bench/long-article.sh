#!/usr/bin/env bash
# Long-article benchmark: does chunked translation run its chunks in parallel?
#
# Starts a fake OpenAI-compatible LLM that writes at a fixed token rate (PacedFakeLlm, default 20 tokens/s, answer as
# long as the chunk) and the packaged khulasa, both on 127.0.0.1, then translates a generated article of 8 equal
# chunks and compares the request's wall time with its slowest chunk call (provenance.chunkUsage). Runs:
#   chunked-parallel-8  max-parallel-per-request=8: every chunk in flight at once; wall / slowest chunk must be <= 1.3
#   chunked-default     max-parallel-per-request=4 (the default): two waves, about 2
#   single-call         the same article in one call (budget raised): about 8x a chunk
#   streamed            chunked-parallel-8 with Accept: text/event-stream: time to the first delta event
# Writes bench/results/long-article.json and prints a table. Not a test: figures depend on the machine.
#
# Usage: bench/long-article.sh        (env: TOKENS_PER_SECOND=20 CHARS_PER_TOKEN=12 FAKE_PORT=18090 APP_PORT=18091
#                                            KHULASA_LLM_CONTEXT_WINDOW=131072: the fake's window, large like a hosted
#                                            model's, so that the single call fits; BENCH_REBUILD=1 to force ./mvnw package)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
TOKENS_PER_SECOND=${TOKENS_PER_SECOND:-20}
CHARS_PER_TOKEN=${CHARS_PER_TOKEN:-12}
FAKE_PORT=${FAKE_PORT:-18090}
APP_PORT=${APP_PORT:-18091}
# 8 paragraphs of ~280-450 estimated tokens each: a 500-token budget makes exactly one chunk per paragraph.
CHUNK_BUDGET=${CHUNK_BUDGET:-500}
TMP=$BENCH_TMP

for tool in curl jq; do command -v "$tool" >/dev/null || die "needs $tool"; done
use_jdk
build_app
mkdir -p "$FAKE_CLASSES"
javac --release 21 -nowarn -d "$FAKE_CLASSES" src/test/java/io/khulasa/bench/PacedFakeLlm.java
cd "$REPO_DIR"
mkdir -p "$RESULTS_DIR"

# ---------------------------------------------------------------- the article: 8 paragraphs of 3 fixture paragraphs
FIXTURE=src/test/resources/articles/long-investigation-water.txt
sed -n '2,25p' "$FIXTURE" | paste -d' ' - - - > "$TMP/article.txt"
[ "$(wc -l < "$TMP/article.txt")" = 8 ] || die "expected 8 paragraphs"
jq -Rs --arg title "$(head -n1 "$FIXTURE")" '{text: ., title: $title}' "$TMP/article.txt" > "$TMP/request.json"
sed -n '2p' "$FIXTURE" | jq -Rs '{text: .}' > "$TMP/warmup.json"
log "article: 8 paragraphs, $(wc -w < "$TMP/article.txt") words"

# ---------------------------------------------------------------- fake LLM
java -cp target/bench-classes io.khulasa.bench.PacedFakeLlm --port "$FAKE_PORT" \
  --tokens-per-second "$TOKENS_PER_SECOND" --chars-per-token "$CHARS_PER_TOKEN" --first-token-ms 200 \
  > "$TMP/fake.log" 2>&1 &
BENCH_PIDS+=($!)
wait_http "http://127.0.0.1:$FAKE_PORT/stats" 20 || die "fake LLM did not start: $(cat "$TMP/fake.log")"

# ---------------------------------------------------------------- khulasa, once per configuration
APP_PID=
start_app() { # max-input-tokens, max-parallel-per-request
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$APP_PORT \
  QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL=http://127.0.0.1:$FAKE_PORT/v1 \
  QUARKUS_LANGCHAIN4J_OPENAI_TIMEOUT=300s \
  KHULASA_CHUNKING_MAX_INPUT_TOKENS=$1 KHULASA_CHUNKING_MAX_PARALLEL_PER_REQUEST=$2 \
  KHULASA_LLM_MAX_IN_FLIGHT=${KHULASA_LLM_MAX_IN_FLIGHT:-32} \
  KHULASA_LLM_CONTEXT_WINDOW=${KHULASA_LLM_CONTEXT_WINDOW:-131072} \
    java -jar target/quarkus-app/quarkus-run.jar > "$TMP/app-$1-$2.log" 2>&1 &
  APP_PID=$!
  BENCH_PIDS+=("$APP_PID")
  wait_http "http://127.0.0.1:$APP_PORT/q/health/ready" 60 || die "khulasa did not start: $(tail -20 "$TMP/app-$1-$2.log")"
  # One short, unmeasured translation first: class loading, JIT and the first LLM connection are not the subject.
  curl -fs -o /dev/null -H 'Content-Type: application/json' --data-binary @"$TMP/warmup.json" \
    "http://127.0.0.1:$APP_PORT/v1/translations" || die "warm-up request failed"
}
stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
}

RUNS="[]"
run_json() { # name, max-input-tokens, parallel
  local name=$1
  start_app "$2" "$3"
  curl -fs -X DELETE "http://127.0.0.1:$FAKE_PORT/stats" > /dev/null
  log "$name: translating (max-input-tokens=$2, max-parallel-per-request=$3)"
  local wall
  wall=$(curl -fs -o "$TMP/$name.json" -w '%{time_total}' -H 'Content-Type: application/json' \
    --data-binary @"$TMP/request.json" "http://127.0.0.1:$APP_PORT/v1/translations") || die "$name: request failed"
  curl -fs "http://127.0.0.1:$FAKE_PORT/stats" > "$TMP/$name.stats.json"
  stop_app
  RUNS=$(jq -c --arg name "$name" --arg wall "$wall" --argjson parallel "$3" --argjson budget "$2" \
    --slurpfile resp "$TMP/$name.json" --slurpfile stats "$TMP/$name.stats.json" '
    ($resp[0].provenance) as $p
    | ($wall | tonumber * 1000 | round) as $wallMs
    | (if $p.chunkUsage then ([$p.chunkUsage[].durationMs] | max) else $p.durationMs end) as $slowest
    | . + [{name: $name, maxInputTokens: $budget, maxParallelPerRequest: $parallel,
            chunks: ($p.chunks // 1), llmCalls: $p.llmCalls, wallMs: $wallMs,
            slowestChunkMs: $slowest, fakeSlowestRequestMs: ([$stats[0][].durationMs] | max),
            fakeRequests: ($stats[0] | length),
            wallOverSlowestChunk: (($wallMs / $slowest) * 100 | round / 100),
            outputTokens: $p.usage.outputTokens}]' <<< "$RUNS")
}

run_json chunked-parallel-8 "$CHUNK_BUDGET" 8
run_json chunked-default "$CHUNK_BUDGET" 4
run_json single-call 100000 4

# streamed: time from the request to the first delta event, and to the done event
start_app "$CHUNK_BUDGET" 8
log "streamed: translating with Accept: text/event-stream"
START_NS=$(date +%s%N)
FIRST_DELTA_MS=
DONE_MS=
CHUNK_MARKERS=0
while IFS= read -r line; do
  case "$line" in
    "event: delta") [ -z "$FIRST_DELTA_MS" ] && FIRST_DELTA_MS=$(( ($(date +%s%N) - START_NS) / 1000000 )) ;;
    "event: chunk") CHUNK_MARKERS=$((CHUNK_MARKERS + 1)) ;;
    "event: done") DONE_MS=$(( ($(date +%s%N) - START_NS) / 1000000 )) ;;
    "event: error") die "streamed run ended with an error event" ;;
  esac
done < <(curl -fsN -H 'Content-Type: application/json' -H 'Accept: text/event-stream' \
           --data-binary @"$TMP/request.json" "http://127.0.0.1:$APP_PORT/v1/translations")
stop_app
[ -n "$DONE_MS" ] || die "streamed run: no done event"

jq -n --argjson runs "$RUNS" --argjson tps "$TOKENS_PER_SECOND" --argjson cpt "$CHARS_PER_TOKEN" \
  --argjson first "${FIRST_DELTA_MS:-null}" --argjson "done" "$DONE_MS" --argjson markers "$CHUNK_MARKERS" \
  --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg host "$(uname -srm); $(nproc) cores" --arg java "$(java -version 2>&1 | head -n1)" \
  --arg commit "$(service_commit)" '
  {benchmark: "long-article", date: $date, commit: $commit, host: $host, java: $java,
   fakeLlm: {tokensPerSecond: $tps, charsPerOutputToken: $cpt, firstTokenMs: 200},
   runs: $runs,
   streamed: {maxParallelPerRequest: 8, chunkMarkers: $markers, firstDeltaMs: $first, doneMs: $done},
   criterion: "chunked-parallel-8: wallMs / slowestChunkMs <= 1.3",
   pass: ([$runs[] | select(.name == "chunked-parallel-8") | .wallOverSlowestChunk <= 1.3] | all)}' \
  > "$RESULTS_DIR/long-article.json"

printf '\n%-20s %6s %8s %9s %12s %14s %9s\n' run chunks parallel wall_ms slowest_ms wall/slowest llm_calls
jq -r '.runs[] | [.name, .chunks, .maxParallelPerRequest, .wallMs, .slowestChunkMs, .wallOverSlowestChunk, .llmCalls] | @tsv' \
  "$RESULTS_DIR/long-article.json" | while IFS=$'\t' read -r n c p w s r l; do
  printf '%-20s %6s %8s %9s %12s %14s %9s\n' "$n" "$c" "$p" "$w" "$s" "$r" "$l"
done
printf '\nstreamed (parallel 8): %s chunk markers, first delta after %s ms, done after %s ms\n' \
  "$CHUNK_MARKERS" "${FIRST_DELTA_MS:-?}" "$DONE_MS"
printf 'criterion (chunked-parallel-8 wall/slowest <= 1.3): %s\n' \
  "$(jq -r 'if .pass then "PASS" else "FAIL" end' "$RESULTS_DIR/long-article.json")"
printf 'results: %s\n' "$RESULTS_DIR/long-article.json"
jq -e '.pass' "$RESULTS_DIR/long-article.json" > /dev/null
