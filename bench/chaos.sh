#!/usr/bin/env bash
# Chaos drill, end to end by itself: a KRaft broker (scripts/kafka-local.sh), Redis with AOF, the fake LLM, two
# packaged khulasa instances. ARTICLES (200) articles, half as summary jobs and half through the Kafka feed, while it
# stops Redis for FAULT_SECONDS (10) and starts it again, restarts the broker, makes the LLM refuse connections for
# FAULT_SECONDS, and SIGKILLs one instance. Prints one JSON line last:
#   {"articles": 200, "completed": …, "lost": …, "duplicatedResults": …, "faults": [...], "seconds": …}
# writes bench/results/chaos.json (unless CHAOS_NO_RESULT=1), and exits 1 when an article is lost.
# Loopback only; every wait is bounded (TIMEOUT seconds for the articles after the last fault).
#
# Usage: bench/chaos.sh   (env: CHAOS_ARTICLES=200 FAULT_SECONDS=10 LLM_MS=2500 CONCURRENCY=4 TIMEOUT=300 BENCH_REBUILD=1)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kafka-lib.sh"
trap 'stop_kafka; bench_cleanup' EXIT

use_jdk
build_app
build_fake_llm
start_kafka
KAFKA_LIB=$REPO_DIR/target/kafka-local/lib-${KAFKA_LOCAL_VERSION:-4.1.2}
# The drill's driver needs kafka-clients: the broker's own jars.
for src in KafkaExperiment ChaosExperiment; do
  javac --release 21 -nowarn -cp "$FAKE_CLASSES:$KAFKA_LIB/*" -d "$FAKE_CLASSES" \
    "$REPO_DIR/src/test/java/io/khulasa/bench/$src.java"
done

status=0
line=$(java -cp "$FAKE_CLASSES:$KAFKA_LIB/*" io.khulasa.bench.ChaosExperiment \
  --jar "$REPO_DIR/target/quarkus-app/quarkus-run.jar" --bootstrap "$KAFKA_BOOTSTRAP" \
  --kafka-script "$REPO_DIR/scripts/kafka-local.sh" --articles "${CHAOS_ARTICLES:-200}" \
  --fault-seconds "${FAULT_SECONDS:-10}" --llm-ms "${LLM_MS:-2500}" --concurrency "${CONCURRENCY:-4}" \
  --timeout "${TIMEOUT:-300}" --logs "$BENCH_TMP/chaos" | tail -n 1) || status=$?
[ -n "$line" ] || die "the drill printed no result (logs: KEEP_BENCH_TMP=1)"
if [ "${CHAOS_NO_RESULT:-0}" != 1 ]; then
  mkdir -p "$RESULTS_DIR"
  printf '{\n  %s\n  "chaos": %s\n}\n' "$(result_header)" "$line" >"$RESULTS_DIR/chaos.json"
fi
echo "$line"
exit "$status"
