#!/usr/bin/env bash
# Failover drill, end to end by itself: a Kafka broker (scripts/kafka-local.sh), Redis, the fake LLM, two packaged
# khulasa instances; 200 articles submitted as summary jobs to both; the first instance killed with SIGKILL once the
# harness sees at least 30 % finished (its status poll lags, so more are finished by then: the count at the kill is
# recorded as finishedAtKill); every job then followed on the survivor. Prints one JSON line last:
#   {"articles": 200, "completed": …, "lost": …, "llmCallsSpentTwice": …, ...}
# and writes bench/results/kafka-failover.json. The same experiment runs in CI as KafkaFailoverIT.
#
# Usage: bench/kafka-failover.sh   (env: ARTICLES=200 KILL_AT=0.3 LLM_MS=150 CONCURRENCY=4 BENCH_REBUILD=1)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kafka-lib.sh"
trap 'stop_kafka; bench_cleanup' EXIT

kafka_bench_start "${LLM_MS:-150}"

line=$(java -cp "$FAKE_CLASSES" io.khulasa.bench.KafkaExperiment failover \
  --jar "$REPO_DIR/target/quarkus-app/quarkus-run.jar" --bootstrap "$KAFKA_BOOTSTRAP" --redis "$REDIS_URL" \
  --llm "$FAKE_URL" --llm-stats "$FAKE_STATS" --articles "${ARTICLES:-200}" \
  --kill-at "${KILL_AT:-0.3}" --concurrency "${CONCURRENCY:-4}" --logs "$BENCH_TMP/instances" | tail -n 1)
mkdir -p "$RESULTS_DIR"
printf '{\n  %s\n  "failover": %s\n}\n' "$(result_header)" "$line" >"$RESULTS_DIR/kafka-failover.json"
echo "$line"
