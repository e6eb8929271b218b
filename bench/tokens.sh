#!/usr/bin/env bash
# Figure 4: input tokens per article — raw (as received), cleaned (title + text from POST /v1/clean) and actually sent
# to the LLM (system + user messages of the request the fake LLM received, for a summary and a translation), all
# counted with io.khulasa.chunking.TokenEstimator (jtokkit, o200k_base unless TOKEN_ENCODING says otherwise).
# Articles: the dirty fixtures of the cleaner tests (plain text, HTML, mojibake, PDF paste) and bench/articles/ (the
# reference article inside a scraped news page). Target: sent <= cleaned + 300 (prompt overhead).
#   bench/tokens.sh                   # writes bench/results/tokens.json and prints a table
# Knobs (env): TOKEN_ENCODING (o200k_base) TOKEN_ARTICLES (space-separated files)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

TOKEN_ENCODING=${TOKEN_ENCODING:-o200k_base}
fixtures=$REPO_DIR/src/test/resources/articles
TOKEN_ARTICLES=${TOKEN_ARTICLES:-"$fixtures/taif-post-karabakh.txt $fixtures/gaza-aid.txt $fixtures/oil-prices.html $fixtures/syria-elections-mojibake.txt $fixtures/tech-ai-pdf.txt $BENCH_DIR/articles/taif-web-page.html"}

use_jdk
build_app
if [ ! -f "$REPO_DIR/target/test-classes/io/khulasa/bench/TokenFigure.class" ] \
   || [ "$REPO_DIR/src/test/java/io/khulasa/bench/TokenFigure.java" -nt "$REPO_DIR/target/test-classes/io/khulasa/bench/TokenFigure.class" ]; then
  log "compiling test classes"
  (cd "$REPO_DIR" && ./mvnw -B -q test-compile -DskipTests)
fi
cp_file=$REPO_DIR/target/bench-test-classpath.txt
if [ ! -s "$cp_file" ] || [ "$REPO_DIR/pom.xml" -nt "$cp_file" ]; then
  (cd "$REPO_DIR" && ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null)
fi

start_fake_llm "$(free_port 18100 18499)" --first-token-ms 0 --output-tokens 100
start_khulasa "$(free_port 18800 18999)" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120

# shellcheck disable=SC2086 # TOKEN_ARTICLES is a list of files
figure=$(java -cp "$REPO_DIR/target/test-classes:$REPO_DIR/target/classes:$(cat "$cp_file")" io.khulasa.bench.TokenFigure \
  "$KHULASA_URL" "${FAKE_URL%/v1}" "$TOKEN_ENCODING" $TOKEN_ARTICLES)

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/tokens.json
cat >"$out" <<JSON
{
  "figure": "4: input tokens per article, raw vs cleaned vs sent",
  $(result_header)
  "counted_with": "io.khulasa.chunking.TokenEstimator (jtokkit $TOKEN_ENCODING); sent = system + user message contents",
  "target": "sent <= cleaned + 300",
  "result": $figure
}
JSON
log "wrote $out"
python3 - "$out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
r = j["result"]
print(f"\nFigure 4 — input tokens ({r['encoding']}), {j['date']} {j['commit']}; target: sent <= cleaned + 300")
print(f"{'article':32} {'raw':>6} {'cleaned':>8} {'summary sent':>13} {'overhead':>9} {'transl. sent':>13} {'overhead':>9}")
worst = 0
for a in r["articles"]:
    os_, ot = a["summaries_sent"] - a["cleaned"], a["translations_sent"] - a["cleaned"]
    worst = max(worst, os_, ot)
    print(f"{a['article']:32} {a['raw']:>6} {a['cleaned']:>8} {a['summaries_sent']:>13} {os_:>+9} {a['translations_sent']:>13} {ot:>+9}")
print(f"largest overhead: {worst} tokens ({'meets' if worst <= 300 else 'MISSES'} the target)")
PY
