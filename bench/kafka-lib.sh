#!/usr/bin/env bash
# shellcheck disable=SC2034 # KAFKA_BOOTSTRAP/REDIS_URL are outputs for the scripts that source this file
# Shared set-up of the Kafka benchmarks (source after lib.sh): a broker of their own (scripts/kafka-local.sh in a
# temporary folder), a throw-away redis-server, and the experiment driver compiled with javac (JDK only).

build_experiment() {
  build_fake_llm
  local src=$REPO_DIR/src/test/java/io/khulasa/bench/KafkaExperiment.java
  local cls=$FAKE_CLASSES/io/khulasa/bench/KafkaExperiment.class
  if [ ! -f "$cls" ] || [ "$src" -nt "$cls" ]; then
    log "compiling KafkaExperiment"
    javac --release 21 -nowarn -cp "$FAKE_CLASSES" -d "$FAKE_CLASSES" "$src"
  fi
}

start_kafka() {
  export KAFKA_LOCAL_DIR=$BENCH_TMP/kafka
  KAFKA_BOOTSTRAP=$("$REPO_DIR/scripts/kafka-local.sh" start | tail -n 1)
  [ -n "$KAFKA_BOOTSTRAP" ] || die "the Kafka broker did not start"
  log "Kafka broker on $KAFKA_BOOTSTRAP"
}

stop_kafka() { KAFKA_LOCAL_DIR=$BENCH_TMP/kafka "$REPO_DIR/scripts/kafka-local.sh" stop || true; }

start_redis() {
  command -v redis-server >/dev/null || die "redis-server is not installed (Debian package redis-server)"
  local port; port=$(free_port 16300 16399)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no >"$BENCH_TMP/redis.log" 2>&1 &
  BENCH_PIDS+=("$!")
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  REDIS_URL=redis://127.0.0.1:$port
  log "Redis on $REDIS_URL"
}

# kafka_bench_start LLM_MS: JDK, jar, driver, broker, Redis and the fake LLM (answering after LLM_MS); sets FAKE_STATS.
kafka_bench_start() {
  use_jdk
  build_app
  build_experiment
  start_kafka
  start_redis
  local fake_port; fake_port=$(free_port 16400 16499)
  start_fake_llm "$fake_port" --first-token-ms "$1" --output-tokens 24 --lang ar
  FAKE_STATS=http://127.0.0.1:$fake_port/stats
}
