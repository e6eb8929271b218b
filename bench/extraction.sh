#!/usr/bin/env bash
# Figure 7: main-content extraction on the news-page fixtures (src/test/resources/pages), khulasa beside Mozilla
# Readability. Token F1 (precision/recall) over title + text against each page's hand-checked article, paragraphs lost,
# per page and as means of the real and the templated pages.
#   Readability: npm @mozilla/readability 0.6.0 with jsdom 26.1.0, installed by this script into
#   bench/readability/node_modules (git-ignored) and run here, never by the service; its article HTML is turned into
#   text one block per line, as khulasa writes its lines.
#   khulasa: ArticleCleaner on the same pages (io.khulasa.bench.ExtractionFigure, test sources).
# Two page sets, scored apart: src/test/resources/pages (the pages the rules were written and tuned on) and
# src/test/resources/pages-blind (pages never tuned on, issue 23: scored blind, never edited).
# The commit recorded is lib.sh's service_commit: <sha>-dirty when tracked files differ from it.
# Usage: bench/extraction.sh [--debug <page>]     Writes bench/results/extraction.json and
#   bench/results/extraction-blind.json (or RESULTS=path and RESULTS_BLIND=path).
# Needs: a JDK >= 21, node >= 18 and npm (the npm registry, once).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
use_jdk
cd "$REPO_DIR"

command -v node >/dev/null || die "needs node (>= 18) for Mozilla Readability"
if [ ! -d bench/readability/node_modules/@mozilla/readability ] || [ ! -d bench/readability/node_modules/jsdom ]; then
  log "installing @mozilla/readability and jsdom into bench/readability/node_modules"
  (cd bench/readability && npm install --no-audit --no-fund --silent)
fi

./mvnw -q -B test-compile -DskipTests
CP="target/test-classes:target/classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"

mkdir -p "$RESULTS_DIR"
RESULTS="${RESULTS:-$RESULTS_DIR/extraction.json}"
RESULTS_BLIND="${RESULTS_BLIND:-$RESULTS_DIR/extraction-blind.json}"
COMMIT=$(service_commit)
for set in pages pages-blind; do
  out=$RESULTS; [ "$set" = pages-blind ] && out=$RESULTS_BLIND
  log "Mozilla Readability on $(find "src/test/resources/$set" -maxdepth 1 -name "*.html" | wc -l) pages ($set)"
  node bench/readability/readability.mjs "src/test/resources/$set" "$BENCH_TMP/readability-$set.json"
  log "khulasa on the same pages ($set, commit $COMMIT)"
  java -Dkhulasa.commit="$COMMIT" -Dkhulasa.pages="$set" -cp "$CP" io.khulasa.bench.ExtractionFigure \
    "$BENCH_TMP/readability-$set.json" "$out" "$@"
  log "results: $out"
done
