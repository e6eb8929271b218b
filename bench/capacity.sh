#!/usr/bin/env bash
# Capacity benchmark: four long translations at once against a local-model server whose KV cache runs out.
#
# A real llama-server has a few parallel slots (--parallel) and queues requests beyond them; its running requests
# share one KV cache, and when that runs out it answers every request then running HTTP 500 "Context size has been
# exceeded.". That is a capacity signal, not an outage. This starts the fake OpenAI-compatible LLM with --slots (its
# queue) and --kv-tokens (the shared cache: room for about two of these chunk calls, while four slots let four run)
# and the packaged khulasa, then sends four long translations at once, twice:
#   defaults        khulasa as shipped: the full server's answers are waited for (khulasa.llm.capacity-wait), they
#                   never open the circuit breaker nor use up attempts
#   max-in-flight   khulasa.llm.model."<model>".max-in-flight = the calls the cache holds (FIT, 2): khulasa queues
#                   its own calls instead
# Criterion: every translation answers 200 and the breaker never opens (khulasa_llm_circuit_open stays 0).
# Writes bench/results/capacity.json and prints a table. Not a test: times depend on the machine.
#
# Usage: bench/capacity.sh   (env: SLOTS=4 KV_TOKENS=5000 REQUESTS=4 FIRST_TOKEN_MS=300 TOKENS_PER_SECOND=100 OUTPUT_TOKENS=60
#                             FAKE_PORT=18092 APP_PORT=18093 BENCH_REBUILD=1 to force ./mvnw package)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SLOTS=${SLOTS:-4}
# A chunk call of the fixture is about 2,000 of the fake's tokens (characters / 4) with its prompt and answer: two
# fit, a third runs the cache out.
KV_TOKENS=${KV_TOKENS:-5000}
FIT=${FIT:-2}
REQUESTS=${REQUESTS:-4}
FIRST_TOKEN_MS=${FIRST_TOKEN_MS:-300}
TOKENS_PER_SECOND=${TOKENS_PER_SECOND:-100}
OUTPUT_TOKENS=${OUTPUT_TOKENS:-60}
FAKE_PORT=${FAKE_PORT:-18092}
APP_PORT=${APP_PORT:-18093}
MODEL=qwen2.5:7b-instruct
TMP=$BENCH_TMP

for tool in curl jq; do command -v "$tool" >/dev/null || die "needs $tool"; done
use_jdk
build_app
build_fake_llm
cd "$REPO_DIR"
mkdir -p "$RESULTS_DIR"

# The long investigation: about 9,000 estimated tokens, so several chunks per translation at the default budget.
FIXTURE=src/test/resources/articles/long-investigation-water.txt
jq -Rs --arg title "$(head -n1 "$FIXTURE")" '{text: (split("\n")[1:] | join("\n")), title: $title}' "$FIXTURE" \
  > "$TMP/request.json"

RUNS="[]"
run() { # name, extra JVM options
  local name=$1 opts=$2
  # A fresh fake per run, so that its counters are this run's.
  java -cp target/bench-classes io.khulasa.bench.FakeLlmServer --port "$FAKE_PORT" --slots "$SLOTS" --kv-tokens "$KV_TOKENS" \
    --first-token-ms "$FIRST_TOKEN_MS" --tokens-per-second "$TOKENS_PER_SECOND" --output-tokens "$OUTPUT_TOKENS" \
    --lang en --model "$MODEL" > "$TMP/fake-$name.log" 2>&1 &
  local fake=$!
  BENCH_PIDS+=("$fake")
  wait_http "http://127.0.0.1:$FAKE_PORT/stats" 20 || die "fake LLM did not start: $(cat "$TMP/fake-$name.log")"
  # shellcheck disable=SC2086 # $opts is a list of -D options
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$APP_PORT \
  QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL=http://127.0.0.1:$FAKE_PORT/v1 \
  QUARKUS_LANGCHAIN4J_OPENAI_CHAT_MODEL_MODEL_NAME=$MODEL \
    java $opts -jar target/quarkus-app/quarkus-run.jar > "$TMP/app-$name.log" 2>&1 &
  local app=$!
  BENCH_PIDS+=("$app")
  wait_http "http://127.0.0.1:$APP_PORT/q/health/ready" 60 || die "khulasa did not start: $(tail -20 "$TMP/app-$name.log")"
  log "$name: $REQUESTS long translations at once against $SLOTS slots sharing $KV_TOKENS KV cells"
  local start end
  start=$(date +%s%N)
  for i in $(seq 1 "$REQUESTS"); do
    curl -s -o "$TMP/$name-$i.json" -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
      --data-binary @"$TMP/request.json" "http://127.0.0.1:$APP_PORT/v1/translations" > "$TMP/$name-$i.status" &
  done
  # shellcheck disable=SC2046 # one PID per word
  wait $(jobs -p | tail -n "$REQUESTS")
  end=$(date +%s%N)
  curl -fs "http://127.0.0.1:$FAKE_PORT/stats" > "$TMP/$name.stats.json"
  local breaker
  breaker=$(curl -fs "http://127.0.0.1:$APP_PORT/q/metrics" | awk '/^khulasa_llm_circuit_open/ {print $2}' | sort -n | tail -n1)
  kill "$app" "$fake"; wait "$app" "$fake" 2>/dev/null || true
  local statuses
  statuses=$(cat "$TMP/$name"-*.status | awk '{print $1}' | jq -Rsc 'split("\n") | map(select(. != "") | tonumber)')
  local calls
  calls=$(for i in $(seq 1 "$REQUESTS"); do jq -r '.provenance.llmCalls // 0' "$TMP/$name-$i.json"; done | jq -s 'add')
  RUNS=$(jq -c --arg name "$name" --argjson statuses "$statuses" --argjson wallMs $(( (end - start) / 1000000 )) \
    --argjson breaker "${breaker:-0}" --argjson llmCalls "$calls" --slurpfile stats "$TMP/$name.stats.json" \
    '. + [{name: $name, statuses: $statuses, wallMs: $wallMs, llmCallsCounted: $llmCalls,
           serverCompletions: $stats[0].completions, serverSlotsFull: $stats[0].kvFull, serverQueued: $stats[0].queued,
           serverMaxInFlight: $stats[0].maxInFlight, breakerOpen: ($breaker > 0),
           allSucceeded: ($statuses | all(. == 200))}]' <<< "$RUNS")
}

run defaults ""
run max-in-flight "-Dkhulasa.llm.model.\"$MODEL\".max-in-flight=$FIT"

jq -n --argjson runs "$RUNS" --argjson slots "$SLOTS" --argjson kvTokens "$KV_TOKENS" --argjson requests "$REQUESTS" \
  --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg host "$(uname -srm); $(nproc) cores" --arg java "$(java -version 2>&1 | head -n1)" \
  --arg commit "$(service_commit)" '
  {benchmark: "capacity", date: $date, commit: $commit, host: $host, java: $java, slots: $slots, kvTokens: $kvTokens, requests: $requests,
   runs: $runs, criterion: "every translation 200, breaker never open",
   pass: ([$runs[] | .allSucceeded and (.breakerOpen | not)] | all)}' > "$RESULTS_DIR/capacity.json"

printf '\n%-14s %-22s %8s %10s %12s %12s %8s\n' run statuses wall_ms llm_calls slots_full max_in_flight breaker
jq -r '.runs[] | [.name, (.statuses | map(tostring) | join(",")), .wallMs, .llmCallsCounted, .serverSlotsFull,
        .serverMaxInFlight, (if .breakerOpen then "OPEN" else "closed" end)] | @tsv' "$RESULTS_DIR/capacity.json" \
  | while IFS=$'\t' read -r n s w c f m b; do printf '%-14s %-22s %8s %10s %12s %12s %8s\n' "$n" "$s" "$w" "$c" "$f" "$m" "$b"; done
printf '\ncriterion (all 200, breaker closed): %s\nresults: %s\n' \
  "$(jq -r 'if .pass then "PASS" else "FAIL" end' "$RESULTS_DIR/capacity.json")" "$RESULTS_DIR/capacity.json"
jq -e '.pass' "$RESULTS_DIR/capacity.json" > /dev/null
