#!/usr/bin/env bash
# shellcheck disable=SC2034 # FAKE_*/KHULASA_* variables are outputs for the scripts that source this file
# Shared helpers for the benchmark scripts. Source it:  . "$(dirname "$0")/lib.sh"
# Everything listens on and talks to 127.0.0.1 only; every wait is bounded; whatever a script
# started is stopped on exit (by PID, never by name).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/khulasa-bench.XXXXXX")
FAKE_CLASSES=$REPO_DIR/target/bench-classes
BENCH_PIDS=()

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- cleanup

bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  # Give them up to 10 s to exit cleanly (Quarkus shutdown), then force.
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${BENCH_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${BENCH_PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ "${KEEP_BENCH_TMP:-0}" = 1 ]; then log "logs kept in $BENCH_TMP"; else rm -rf "$BENCH_TMP"; fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- JDK and builds

java_major() { "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n1; }

# Same choice as .ci/run: JAVA_HOME if >= 21, else the newest Temurin, else any JDK >= 21.
pick_jdk() {
  local candidates=() d c m
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/temurin-2[1-4]* /usr/lib/jvm/java-2[1-9]* /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] && candidates+=("$d")
  done
  for c in "${candidates[@]}"; do
    m=$(java_major "$c" || true)
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then echo "$c"; return 0; fi
  done
  return 1
}

use_jdk() {
  JAVA_HOME=$(pick_jdk) || die "needs JDK 21 or newer; none found under /usr/lib/jvm or JAVA_HOME"
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
  log "JDK $JAVA_HOME ($(java_major "$JAVA_HOME"))"
}

# The fake LLM is one JDK-only source file: compile it straight with javac (seconds, and it does not
# depend on the service compiling).
build_fake_llm() {
  local src=$REPO_DIR/src/test/java/io/khulasa/bench/FakeLlmServer.java
  local cls=$FAKE_CLASSES/io/khulasa/bench/FakeLlmServer.class
  if [ ! -f "$cls" ] || [ "$src" -nt "$cls" ]; then
    log "compiling FakeLlmServer"
    mkdir -p "$FAKE_CLASSES"
    javac --release 21 -nowarn -d "$FAKE_CLASSES" "$src"
  fi
}

# Package the service once; later runs reuse target/quarkus-app unless BENCH_REBUILD=1.
build_app() {
  if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$REPO_DIR/target/quarkus-app/quarkus-run.jar" ]; then
    log "building the service (./mvnw -B -q package -DskipTests)"
    (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests)
  fi
  [ -f "$REPO_DIR/target/quarkus-app/quarkus-run.jar" ] || die "no target/quarkus-app/quarkus-run.jar after the build"
}

# ---------------------------------------------------------------- ports and waiting

# wait_http URL SECONDS: until the URL answers 2xx, or false after SECONDS.
wait_http() {
  local _
  for _ in $(seq 1 $(( $2 * 5 ))); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
  return 1
}

# A free TCP port on 127.0.0.1 from a range (nothing answers a connect there).
free_port() {
  local p
  for p in $(seq "${1:-18100}" "${2:-18999}"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port in ${1:-18100}-${2:-18999}"
}

# wait_for_log FILE PATTERN PID TIMEOUT_S: until PATTERN shows in FILE; fails if PID dies first.
wait_for_log() {
  local file=$1 pattern=$2 pid=$3 timeout=${4:-30}
  for _ in $(seq 1 $((timeout * 10))); do
    grep -q "$pattern" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$file" >&2; die "process $pid exited before: $pattern"; }
    sleep 0.1
  done
  tail -n 30 "$file" >&2
  die "timed out after ${timeout}s waiting for: $pattern"
}

# wait_http_200 URL PID TIMEOUT_S: polls every 20 ms (fine enough for time-to-ready).
wait_http_200() {
  local url=$1 pid=$2 timeout=${3:-60} deadline code
  deadline=$(( $(date +%s) + timeout ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)
    [ "$code" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before $url answered 200"
    sleep 0.02
  done
  die "timed out after ${timeout}s waiting for 200 from $url"
}

now_ms() { date +%s%3N; }

# Which service build a result belongs to (results are only comparable for the same commit). "-dirty" means
# uncommitted changes outside bench/results (the result file being written would otherwise count as one).
# BENCH_COMMIT overrides it when KHULASA_CMD runs a jar built from another commit than this tree's.
service_commit() {
  local c
  if [ -n "${BENCH_COMMIT:-}" ]; then echo "$BENCH_COMMIT"; return 0; fi
  c=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null) || { echo unknown; return 0; }
  if [ -n "$(git -C "$REPO_DIR" status --porcelain --untracked-files=no -- . ':(exclude)bench/results' 2>/dev/null)" ]; then
    c=$c-dirty
  fi
  echo "$c"
}

# Common JSON header fields of a result file.
result_header() {
  printf '"date": "%s",\n  "commit": "%s",\n  "machine": {"cpus": %s, "kernel": "%s", "java": "%s"},' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(service_commit)" "$(nproc)" "$(uname -r)" "$(java_major "$JAVA_HOME")"
}

# ---------------------------------------------------------------- processes

# fake_answer_ms FIRST_TOKEN_MS TOKENS_PER_SECOND OUTPUT_TOKENS: how long the fake takes for one answer (the first
# token, then the tokens at that rate; 0 tokens per second = all at once).
fake_answer_ms() { echo $(( $1 + ($2 > 0 ? $3 * 1000 / $2 : 0) )); }

# start_fake_llm PORT [FakeLlmServer options...]: sets FAKE_PID and FAKE_URL (…/v1).
start_fake_llm() {
  local port=$1; shift
  build_fake_llm
  local logf=$BENCH_TMP/fake-llm-$port.log
  # A small fixed heap: the fake must not compete with the service for memory or CPU.
  java -Xms64m -Xmx256m -XX:+UseSerialGC -cp "$FAKE_CLASSES" io.khulasa.bench.FakeLlmServer \
    --host 127.0.0.1 --port "$port" "$@" >"$logf" 2>&1 &
  FAKE_PID=$!
  BENCH_PIDS+=("$FAKE_PID")
  wait_for_log "$logf" "ready on" "$FAKE_PID" 30
  FAKE_URL=http://127.0.0.1:$port/v1
  log "fake LLM pid $FAKE_PID on $FAKE_URL ($*)"
}

# start_khulasa PORT LLM_BASE_URL: sets KHULASA_PID, KHULASA_URL, KHULASA_START_MS (just before exec).
# KHULASA_CMD overrides the command (e.g. a native runner: KHULASA_CMD=target/khulasa-1.0.0-SNAPSHOT-runner).
start_khulasa() {
  local port=$1 llm=$2
  local logf=$BENCH_TMP/khulasa-$port.log
  local cmd=${KHULASA_CMD:-java ${KHULASA_JAVA_OPTS:+$KHULASA_JAVA_OPTS }-jar $REPO_DIR/target/quarkus-app/quarkus-run.jar}
  KHULASA_START_MS=$(now_ms)
  # shellcheck disable=SC2086 # KHULASA_CMD is a command line on purpose
  env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
      QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL="$llm" \
      QUARKUS_LANGCHAIN4J_OPENAI_API_KEY=bench \
      QUARKUS_LANGCHAIN4J_OPENAI_CHAT_MODEL_MODEL_NAME=fake-llm \
      QUARKUS_LANGCHAIN4J_OPENAI_TIMEOUT="${KHULASA_LLM_TIMEOUT:-60s}" \
      $cmd >"$logf" 2>&1 &
  KHULASA_PID=$!
  BENCH_PIDS+=("$KHULASA_PID")
  KHULASA_URL=http://127.0.0.1:$port
  KHULASA_LOG=$logf
  log "khulasa pid $KHULASA_PID on $KHULASA_URL -> $llm"
}

# start_two_builds: BASE_JAR and NEW_JAR side by side against FAKE_URL, both ready; sets BASE_PID, BASE_URL, NEW_PID,
# NEW_URL (the figures that compare two builds in one run: 1b, 12c). BASE_JAVA_OPTS / NEW_JAVA_OPTS: JVM flags of
# each (the same jar twice with two flag sets compares the flags).
start_two_builds() {
  KHULASA_CMD="java ${BASE_JAVA_OPTS:+$BASE_JAVA_OPTS }-jar $BASE_JAR" start_khulasa "$(free_port 18800 18899)" "$FAKE_URL"
  BASE_PID=$KHULASA_PID BASE_URL=$KHULASA_URL
  KHULASA_CMD="java ${NEW_JAVA_OPTS:+$NEW_JAVA_OPTS }-jar $NEW_JAR" start_khulasa "$(free_port 18900 18999)" "$FAKE_URL"
  NEW_PID=$KHULASA_PID NEW_URL=$KHULASA_URL
  wait_http_200 "$BASE_URL/q/health/ready" "$BASE_PID" 120
  wait_http_200 "$NEW_URL/q/health/ready" "$NEW_PID" 120
}

# Portkey's open-source AI gateway (npm @portkey-ai/gateway, pinned in bench/portkey/package.json), figure 1's peer.
# Installed into bench/portkey/node_modules (git-ignored) on first use. It runs with its defaults (no Redis, no
# cache, no config), headless (no log UI); bench/portkey/loopback.cjs binds its listener to 127.0.0.1 (the gateway
# itself passes no hostname, so Node would listen on every interface). Requests name the provider and the upstream in
# headers: PORTKEY_HEADERS below (x-portkey-custom-host = the fake LLM; 127.0.0.1 is in the gateway's default
# TRUSTED_CUSTOM_HOSTS). start_portkey PORT UPSTREAM_BASE_URL: sets PORTKEY_PID, PORTKEY_URL, PORTKEY_VERSION,
# PORTKEY_HEADERS (wrk -H arguments).
install_portkey() {
  command -v node >/dev/null || die "needs node (>= 18) for Portkey's gateway (PEER=none skips it)"
  if [ ! -f "$BENCH_DIR/portkey/node_modules/@portkey-ai/gateway/build/start-server.js" ]; then
    log "installing @portkey-ai/gateway into bench/portkey/node_modules"
    (cd "$BENCH_DIR/portkey" && npm install --no-audit --no-fund --silent)
  fi
  PORTKEY_VERSION=$(node -p 'require(process.argv[1]).version' \
    "$BENCH_DIR/portkey/node_modules/@portkey-ai/gateway/package.json")
}

start_portkey() {
  local port=$1 upstream=$2
  install_portkey
  local logf=$BENCH_TMP/portkey-$port.log
  (cd "$BENCH_DIR/portkey" && exec node -r ./loopback.cjs node_modules/@portkey-ai/gateway/build/start-server.js \
    --port="$port" --headless) >"$logf" 2>&1 &
  PORTKEY_PID=$!
  BENCH_PIDS+=("$PORTKEY_PID")
  wait_for_log "$logf" "Ready for connections" "$PORTKEY_PID" 60
  PORTKEY_URL=http://127.0.0.1:$port/v1
  PORTKEY_HEADERS=(-H "x-portkey-provider: openai" -H "x-portkey-custom-host: $upstream" -H "Authorization: Bearer bench")
  log "Portkey gateway $PORTKEY_VERSION pid $PORTKEY_PID on $PORTKEY_URL -> $upstream"
}

# The do-nothing Vert.x forwarder (bench/forwarder/Forwarder.java) in the peer's place: figure 1's floor, what one HTTP
# hop costs here. Compiled with javac against the service's own jars (target/quarkus-app/lib/main: build_app first or
# KHULASA_LIB). start_forwarder PORT UPSTREAM_BASE_URL: sets the same PORTKEY_* variables as start_portkey.
start_forwarder() {
  local port=$1 upstream=$2 lib=${KHULASA_LIB:-$REPO_DIR/target/quarkus-app/lib/main} cp up
  cp=$(ls "$lib"/io.netty.netty-*.jar "$lib"/io.vertx.vertx-core-*.jar "$lib"/com.fasterxml.jackson.core.jackson-core-*.jar \
    2>/dev/null | tr '\n' ':') || true
  [ -n "$cp" ] || die "no Vert.x jars under $lib (build the service first, or set KHULASA_LIB)"
  mkdir -p "$BENCH_TMP/forwarder"
  javac --release 21 -d "$BENCH_TMP/forwarder" -cp "$cp" "$BENCH_DIR/forwarder/Forwarder.java"
  up=${upstream#http://127.0.0.1:}; up=${up%/v1}
  local logf=$BENCH_TMP/forwarder-$port.log
  java -Xmx256m -cp "$BENCH_TMP/forwarder:$cp" Forwarder "$port" "$up" >"$logf" 2>&1 &
  PORTKEY_PID=$!
  BENCH_PIDS+=("$PORTKEY_PID")
  wait_for_log "$logf" "ready on" "$PORTKEY_PID" 30
  PORTKEY_URL=http://127.0.0.1:$port/v1
  PORTKEY_HEADERS=(-H "X-Bench-Peer: forwarder")
  PORTKEY_VERSION="vertx $(basename "$(ls "$lib"/io.vertx.vertx-core-*.jar | head -n1)" .jar | sed 's/.*vertx-core-//')"
  log "forwarder ($PORTKEY_VERSION) pid $PORTKEY_PID on $PORTKEY_URL -> $upstream"
}

# Resident set size of a process, in KiB (VmRSS from /proc).
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# ---------------------------------------------------------------- request bodies

# JSON string literal of a file's text (escapes \ " tab CR and newlines; Arabic passes through as UTF-8).
json_string_of_file() {
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' "$1" | awk 'BEGIN{ORS=""; printf "\""} NR>1{printf "\\n"} {print} END{printf "\""}'
}

BENCH_ARTICLE=${BENCH_ARTICLE:-$REPO_DIR/src/test/resources/articles/taif-post-karabakh.txt}

# The service request: {"text": "<article>"}.
write_summary_body() {
  printf '{"text":%s}\n' "$(json_string_of_file "$BENCH_ARTICLE")" >"$1"
}

# Distinct articles, one request body per line ({"text": …}), for the rotating runs (WRK_BODY_LINES=1): the BBC Arabic
# articles of the attribution set (../shared/eval, not in this repository) or any JSON-lines file of {"text": …}
# objects given as BENCH_ARTICLES. Articles under 1,500 characters are skipped (the reference article has 2,819).
BENCH_ARTICLES=${BENCH_ARTICLES:-$REPO_DIR/../shared/eval/ant-bbc-summaries/bbc-middleeast-100.jsonl}
write_article_bodies() { # out-file
  [ -f "$BENCH_ARTICLES" ] || die "BENCH_ARTICLES: no such file $BENCH_ARTICLES"
  python3 - "$BENCH_ARTICLES" >"$1" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    text = json.loads(line).get("text", "")
    if len(text) >= 1500:
        print(json.dumps({"text": text}, ensure_ascii=False))
PY
  [ -s "$1" ] || die "no article of 1,500 characters or more in $BENCH_ARTICLES"
}

# keep_articles_answered BODY_FILE URL...: keeps the lines of BODY_FILE (write_article_bodies) that every URL (a task's
# full URL, on every build measured) answers with 200. The fake's canned answer fails the output guards for some
# articles (a number or a name the article does not have: a 502, as it should be); a figure over refusals would mix
# two paths, so those articles are left out. Sets KEPT_OF to the number of lines before.
keep_articles_answered() {
  local body=$1 line ok url code hdr=(); shift
  [ -n "${WRK_HEADER:-}" ] && hdr=(-H "$WRK_HEADER")
  KEPT_OF=$(wc -l <"$body")
  : >"$body.kept"
  while IFS= read -r line; do
    ok=1
    for url in "$@"; do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
        -H 'Cache-Control: no-cache' "${hdr[@]}" --data-binary "$line" "$url")
      [ "$code" = 200 ] || { ok=0; break; }
    done
    [ "$ok" = 1 ] && printf '%s\n' "$line" >>"$body.kept"
  done <"$body"
  mv "$body.kept" "$body"
  [ -s "$body" ] || die "no article was answered by every task with the fake's answer"
}

# A chat request shaped like the one khulasa sends for a summary (system + user with the article),
# for the direct-to-fake baseline.
write_chat_body() {
  local article
  article=$(json_string_of_file "$BENCH_ARTICLE")
  printf '{"model":"fake-llm","temperature":0.2,"messages":[{"role":"system","content":"أنت محرر أخبار. لخص الخبر التالي بالعربية الفصحى في ثلاث جمل."},{"role":"user","content":%s}]}\n' \
    "$article" >"$1"
}

# ---------------------------------------------------------------- wrk

# run_wrk LABEL URL BODY_FILE THREADS CONNECTIONS DURATION [extra wrk args...]: prints the JSON summary line.
run_wrk() {
  local label=$1 url=$2 body=$3 threads=$4 conns=$5 duration=$6; shift 6
  command -v wrk >/dev/null || die "wrk not found (Debian: apt-get install -y wrk)"
  local out=$BENCH_TMP/wrk-$label.out
  WRK_LABEL=$label WRK_THREADS=$threads WRK_CONNECTIONS=$conns wrk -t"$threads" -c"$conns" -d"$duration" --timeout "${WRK_TIMEOUT:-30s}" \
    -s "$BENCH_DIR/wrk/post.lua" "$@" "$url" -- "$body" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  grep '^{"label"' "$out" | tail -n1
}
