#!/usr/bin/env bash
# Throughput through Kafka: articles per second with one and with two packaged khulasa instances against the fake LLM,
# each instance with a fixed LLM capacity (CONCURRENCY calls in flight, each LLM_MS long: at most
# CONCURRENCY * 1000 / LLM_MS articles/s per instance). Each run: fresh topics, a warm-up job, then ARTICLES articles
# as summary jobs of 40, timed from the first submission to the last result. Criterion: two instances >= 1.8x one.
# Writes bench/results/kafka-throughput.json; prints one JSON line last.
#
# Usage: bench/kafka-throughput.sh   (env: ARTICLES=240 LLM_MS=1000 CONCURRENCY=8 BENCH_REBUILD=1)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kafka-lib.sh"
trap 'stop_kafka; bench_cleanup' EXIT

kafka_bench_start "${LLM_MS:-1000}"

run() {
  java -cp "$FAKE_CLASSES" io.khulasa.bench.KafkaExperiment throughput --instances "$1" \
    --jar "$REPO_DIR/target/quarkus-app/quarkus-run.jar" --bootstrap "$KAFKA_BOOTSTRAP" --redis "$REDIS_URL" \
    --llm "$FAKE_URL" --llm-stats "$FAKE_STATS" --articles "${ARTICLES:-240}" \
    --concurrency "${CONCURRENCY:-8}" --logs "$BENCH_TMP/instances-$1" | tail -n 1 | sed -nE 's/.*"articlesPerSecond": ([0-9.]+).*/\1/p'
}
one=$(run 1); log "one instance: $one articles/s"
two=$(run 2); log "two instances: $two articles/s"
ratio=$(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", b / a }')
capacity=$(awk -v c="${CONCURRENCY:-8}" -v ms="${LLM_MS:-1000}" 'BEGIN { printf "%.1f", c * 1000 / ms }')
line=$(printf '{"articles": %s, "perInstanceCapacity": %s, "oneInstance": %s, "twoInstances": %s, "ratio": %s, "criterion": ">= 1.8", "met": %s}' \
  "${ARTICLES:-240}" "$capacity" "$one" "$two" "$ratio" "$(awk -v r="$ratio" 'BEGIN { print (r >= 1.8) ? "true" : "false" }')")
mkdir -p "$RESULTS_DIR"
printf '{\n  %s\n  "throughput": %s\n}\n' "$(result_header)" "$line" >"$RESULTS_DIR/kafka-throughput.json"
echo "$line"
