#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft: broker and controller in one JVM) on 127.0.0.1, without Docker:
# Kafka's own jars from Maven Central (fetched once through ./mvnw into the local Maven repository).
# One script for CI (.ci/run), the benchmarks (bench/kafka-*.sh) and developers.
#
#   scripts/kafka-local.sh start      # prints the bootstrap address, e.g. 127.0.0.1:39217, when the broker is ready
#   scripts/kafka-local.sh stop       # stops the broker this script started (by its PID) and deletes its data
#   scripts/kafka-local.sh restart    # stops the broker (SIGTERM) and starts it again, same port, data kept
#   scripts/kafka-local.sh status     # prints the bootstrap address of the running broker, or fails
#   scripts/kafka-local.sh tool CLASS ARGS...   # runs a Kafka tool, e.g.
#       scripts/kafka-local.sh tool org.apache.kafka.tools.consumer.ConsoleConsumer \
#           --bootstrap-server "$(scripts/kafka-local.sh status)" --topic khulasa-results --from-beginning
#
# Settings (environment):
#   KAFKA_LOCAL_PORT     broker port (default: a free port chosen at random)
#   KAFKA_LOCAL_DIR      state folder: config, data, log, pid (default: <repo>/target/kafka-local)
#   KAFKA_LOCAL_LIB      where the jars are copied (default: <repo>/target/kafka-local/lib-<version>)
#   KAFKA_LOCAL_VERSION  Kafka version (default 4.1.2, the kafka-clients version Quarkus brings)
#   KAFKA_LOCAL_MAX_MESSAGE_BYTES  broker message.max.bytes (default 16 MiB, as khulasa.kafka.max-message-bytes)
#   KAFKA_LOCAL_HEAP     broker heap, one option (default -Xmx384m)
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${KAFKA_LOCAL_DIR:-$REPO_DIR/target/kafka-local}
VERSION=${KAFKA_LOCAL_VERSION:-4.1.2}
MAX_MESSAGE_BYTES=${KAFKA_LOCAL_MAX_MESSAGE_BYTES:-16777216}
HEAP=${KAFKA_LOCAL_HEAP:--Xmx384m}   # one JVM option
# The jars are shared by every state folder (a benchmark's broker in a temporary folder reuses them).
LIB=${KAFKA_LOCAL_LIB:-$REPO_DIR/target/kafka-local/lib-$VERSION}

say() { printf '[kafka-local] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

java_major() { "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n1; }
pick_java() {
  local c m
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/temurin-2[1-4]* /usr/lib/jvm/java-2[1-9]* /usr/lib/jvm/*; do
    if [ -z "$c" ] || [ ! -x "$c/bin/java" ]; then continue; fi
    m=$(java_major "$c" || true)
    if [ -n "$m" ] && [ "$m" -ge 17 ]; then echo "$c"; return 0; fi
  done
  return 1
}
JAVA_HOME=$(pick_java) || die "needs a JDK 17 or newer"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java

# A port below the kernel's ephemeral range: a port in that range can be the local end of any outgoing connection,
# which the connect test below does not see and which makes the broker's bind fail ("Address already in use": .ci/run
# lost a chaos drill to it once, the controller on 35746).
free_port() {
  local p low
  low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 21000 ] 2>/dev/null || low=32768
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % (low - 20000) ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port found"
}

# The broker's jars (and the CLI tools) with their dependencies, copied from the local Maven repository.
fetch_jars() {
  [ -f "$LIB/.complete" ] && return 0
  say "fetching Kafka $VERSION jars from Maven Central (once)"
  mkdir -p "$DIR/fetch" "$(dirname "$LIB")"
  cat >"$DIR/fetch/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.khulasa.local</groupId><artifactId>kafka-local</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
EOF
  rm -rf "$LIB"
  "$REPO_DIR/mvnw" -B -q -f "$DIR/fetch/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIB" >"$DIR/fetch/mvn.log" 2>&1 \
    || { tail -n 20 "$DIR/fetch/mvn.log" >&2; die "could not fetch the Kafka jars"; }
  touch "$LIB/.complete"
}

running_pid() {
  local pid
  [ -f "$DIR/kafka.pid" ] || return 1
  pid=$(cat "$DIR/kafka.pid")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

start() {
  if running_pid >/dev/null; then
    cat "$DIR/bootstrap"
    return 0
  fi
  fetch_jars
  local port controller data
  port=${KAFKA_LOCAL_PORT:-$(free_port)}
  controller=$(free_port)
  data=$DIR/data
  rm -rf "$data"
  mkdir -p "$data"
  cat >"$DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data
num.partitions=4
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Large HTML articles: the broker's limit matches the clients' (khulasa.kafka.max-message-bytes).
message.max.bytes=$MAX_MESSAGE_BYTES
replica.fetch.max.bytes=$MAX_MESSAGE_BYTES
log.retention.hours=24
EOF
  "$JAVA" -cp "$LIB/*" kafka.tools.StorageTool format -t "$("$JAVA" -cp "$LIB/*" kafka.tools.StorageTool random-uuid)" \
    -c "$DIR/server.properties" >"$DIR/format.log" 2>&1 || { cat "$DIR/format.log" >&2; die "storage format failed"; }
  echo "127.0.0.1:$port" >"$DIR/bootstrap"
  launch
}

# Runs the broker of $DIR/server.properties (formatted) and waits until it is ready.
launch() {
  local cp="$LIB/*" port
  port=$(sed -n 's|^advertised.listeners=PLAINTEXT://127.0.0.1:||p' "$DIR/server.properties")
  : >"$DIR/server.log"
  # setsid: the broker outlives the shell that started it (CI and benchmarks stop it with `stop`).
  setsid "$JAVA" "$HEAP" -Xms64m -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info \
    -cp "$cp" kafka.Kafka "$DIR/server.properties" >>"$DIR/server.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$DIR/kafka.pid"
  # Ready = the server says it started and its port accepts connections.
  for _ in $(seq 1 600); do
    if grep -q "Kafka Server started" "$DIR/server.log" 2>/dev/null \
        && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      say "broker ready on 127.0.0.1:$port (pid $pid, log $DIR/server.log)"
      cat "$DIR/bootstrap"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$DIR/server.log" >&2; rm -f "$DIR/kafka.pid"; die "the broker exited"; }
    sleep 0.1
  done
  tail -n 40 "$DIR/server.log" >&2
  stop
  die "the broker was not ready within 60 s"
}

stop() {
  local pid
  if pid=$(running_pid); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    say "broker stopped (pid $pid)"
  fi
  rm -f "$DIR/kafka.pid" "$DIR/bootstrap"
  rm -rf "$DIR/data"
}

# A broker restart (the chaos drill): SIGTERM, wait (bounded), start again with the same port and data.
restart() {
  local pid
  pid=$(running_pid) || die "no broker running in $DIR"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$DIR/kafka.pid"
  say "broker stopped (pid $pid); starting it again"
  launch
}

case "${1:-}" in
  start) start ;;
  restart) restart ;;
  stop) stop ;;
  status) if running_pid >/dev/null; then cat "$DIR/bootstrap"; else say "not running"; exit 1; fi ;;
  fetch) fetch_jars ;;
  tool) shift; fetch_jars; exec "$JAVA" -cp "$LIB/*" "$@" ;;
  *) echo "usage: $0 start|stop|restart|status|fetch|tool CLASS ARGS..." >&2; exit 2 ;;
esac
