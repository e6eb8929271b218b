#!/usr/bin/env bash
# Figure 7: main-content extraction on the news-page fixtures (src/test/resources/pages), khulasa beside Mozilla
# Readability. Token F1 (precision/recall) over title + text against each page's hand-checked article, paragraphs lost,
# per page and as means of the real and the templated pages.
#   Readability: npm @mozilla/readability 0.6.0 with jsdom 26.1.0, installed by this script into
#   bench/readability/node_modules (git-ignored) and run here, never by the service; its article HTML is turned into
#   text one block per line, as khulasa writes its lines.
#   khulasa: ArticleCleaner on the same pages (io.khulasa.bench.ExtractionFigure, test sources).
# Usage: bench/extraction.sh [--debug <page>]     Writes bench/results/extraction.json (or RESULTS=path).
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
log "Mozilla Readability on $(find src/test/resources/pages -maxdepth 1 -name "*.html" | wc -l) pages"
node bench/readability/readability.mjs src/test/resources/pages "$BENCH_TMP/readability.json"
log "khulasa on the same pages"
java -Dkhulasa.commit="$(git rev-parse --short HEAD)" -cp "$CP" io.khulasa.bench.ExtractionFigure "$BENCH_TMP/readability.json" "$RESULTS" "$@"
log "results: $RESULTS"
