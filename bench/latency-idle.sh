#!/usr/bin/env bash
# Figure 1c: khulasa's added latency against how long the fake LLM takes (so how long khulasa sits idle between two
# requests at concurrency 1), and where that time goes inside the service.
# Why: figure 1 finds khulasa adding ~0.5 ms with the fake answering at once but ~2.5 ms with the 398 ms fake, on the
# same build and the same request; this shows from which delay on, and which part grows.
# For each delay (POST /config on the fake), ROUNDS rounds of DURATION each, alternating:
#   direct   wrk -> fake (the chat request khulasa would send), c=1;
#   khulasa  wrk -> POST /v1/summaries -> fake, c=1;
# and, from khulasa's own metrics (/q/metrics, summed over its rounds):
#   server   http_server_requests_seconds for /v1/summaries: the request inside Quarkus, response written;
#   call     gen_ai_client_operation_duration_seconds: the model call as khulasa times it (request written, answer
#            read and parsed; the article index is read on the same event loop while the model works);
#   own      server - call: cleaning, planning, guards, attribution, response (khulasa's own work on the request);
#   call over direct = call - the direct mean: what the call costs khulasa beyond the bare exchange.
#   bench/latency-idle.sh                 # writes bench/results/latency-idle.json and prints a table
# Knobs (env): DELAYS_MS ("0 1 5 20 100 400") ROUNDS (2) DURATION (8s) BENCH_WARMUP (40s, fake answering at once)
#   KHULASA_CMD KHULASA_JAVA_OPTS (recorded in the result) IDLE_LABEL (written to latency-idle-LABEL.json) BENCH_ARTICLE
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DELAYS_MS=${DELAYS_MS:-0 1 5 20 100 400}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-8s}
BENCH_WARMUP=${BENCH_WARMUP:-40s}

use_jdk
[ -n "${KHULASA_CMD:-}" ] || build_app
start_fake_llm "$(free_port 18100 18499)" --first-token-ms 0 --tokens-per-second 0 --output-tokens 100
FAKE_ROOT=${FAKE_URL%/v1}
start_khulasa "$(free_port 18800 18999)" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120

chat=$BENCH_TMP/chat-body.json
summary=$BENCH_TMP/summary-body.json
write_chat_body "$chat"
write_summary_body "$summary"
log "warm-up $BENCH_WARMUP with the fake answering at once"
run_wrk warmup "$KHULASA_URL/v1/summaries" "$summary" 2 16 "$BENCH_WARMUP" >/dev/null
run_wrk warmup-direct "$FAKE_URL/chat/completions" "$chat" 1 4 3s >/dev/null

# "sum count" of one metric family, summed over its series (one series per outcome, model, ...).
metric() { # file name [label filter]
  awk -v n="$2" -v f="${3:-}" 'index($0, n "_sum") == 1 && index($0, f) { s += $NF }
    index($0, n "_count") == 1 && index($0, f) { c += $NF } END { printf "%s %s\n", s + 0, c + 0 }' "$1"
}
scrape() { curl -s --max-time 5 "$KHULASA_URL/q/metrics" >"$1"; }
p50_mean() { python3 -c 'import json,sys; d=json.load(sys.stdin)["latency_ms"]; print(d["p50"], d["mean"])'; }

rows=$BENCH_TMP/rows.jsonl
: >"$rows"
for ms in $DELAYS_MS; do
  curl -s -o /dev/null -X POST "$FAKE_ROOT/config?first-token-ms=$ms&tokens-per-second=0"
  log "fake answering after $ms ms: $ROUNDS rounds of $DURATION per target"
  direct_p50=() direct_mean=() khulasa_p50=() khulasa_mean=()
  server_s=0 server_n=0 call_s=0 call_n=0
  for r in $(seq 1 "$ROUNDS"); do
    read -r p m < <(run_wrk "direct-$ms-$r" "$FAKE_URL/chat/completions" "$chat" 1 1 "$DURATION" | p50_mean)
    direct_p50+=("$p") direct_mean+=("$m")
    scrape "$BENCH_TMP/before"
    read -r p m < <(run_wrk "khulasa-$ms-$r" "$KHULASA_URL/v1/summaries" "$summary" 1 1 "$DURATION" | p50_mean)
    # wrk leaves its last request unanswered when the round ends: let it finish before reading the metrics, so the
    # two metrics cover the same requests (the unanswered one counts as RESET, not 200, and is left out below)
    sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.1f", ms / 1000 + 0.5 }')"
    scrape "$BENCH_TMP/after"
    khulasa_p50+=("$p") khulasa_mean+=("$m")
    read -r s1 n1 < <(metric "$BENCH_TMP/before" http_server_requests_seconds 'status="200",uri="/v1/summaries"')
    read -r s2 n2 < <(metric "$BENCH_TMP/after" http_server_requests_seconds 'status="200",uri="/v1/summaries"')
    read -r c1 k1 < <(metric "$BENCH_TMP/before" gen_ai_client_operation_duration_seconds)
    read -r c2 k2 < <(metric "$BENCH_TMP/after" gen_ai_client_operation_duration_seconds)
    read -r server_s server_n call_s call_n < <(awk -v a="$server_s" -v b="$server_n" -v c="$call_s" -v d="$call_n" \
      -v s1="$s1" -v s2="$s2" -v n1="$n1" -v n2="$n2" -v c1="$c1" -v c2="$c2" -v k1="$k1" -v k2="$k2" \
      'BEGIN { printf "%.6f %d %.6f %d\n", a + s2 - s1, b + n2 - n1, c + c2 - c1, d + k2 - k1 }')
  done
  python3 - "$ms" "${direct_p50[*]}" "${direct_mean[*]}" "${khulasa_p50[*]}" "${khulasa_mean[*]}" \
    "$server_s" "$server_n" "$call_s" "$call_n" >>"$rows" <<'PY'
import json, statistics as st, sys
ms = int(sys.argv[1])
dp, dm, kp, km = ([float(x) for x in a.split()] for a in sys.argv[2:6])
server_s, server_n, call_s, call_n = float(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8]), int(sys.argv[9])
server = 1000 * server_s / server_n if server_n else None
call = 1000 * call_s / call_n if call_n else None
r = lambda x: None if x is None else round(x, 3)
print(json.dumps({
    "llm_delay_ms": ms,
    "direct_p50_ms": r(st.median(dp)), "khulasa_p50_ms": r(st.median(kp)),
    "added_p50_ms": r(st.median(kp) - st.median(dp)),
    "added_p50_by_round_ms": [r(k - d) for k, d in zip(kp, dp)],
    "direct_mean_ms": r(st.mean(dm)), "khulasa_mean_ms": r(st.mean(km)),
    "inside_mean_ms": {"server": r(server), "call": r(call),
                       "own": r(None if server is None or call is None else server - call),
                       "call_over_direct": r(None if call is None else call - st.mean(dm)),
                       "outside_server": r(None if server is None else st.mean(km) - server)},
    "requests": server_n}))
PY
done

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/latency-idle${IDLE_LABEL:+-$IDLE_LABEL}.json
{
  printf '{\n  "figure": "1c: added latency at c=1 against the fake LLM'"'"'s delay, and where it goes inside",\n  %s\n' "$(result_header)"
  printf '  "method": {"rounds": %s, "duration": "%s", "jit_warmup": "%s at 16 connections, fake answering at once", "java_opts": "%s"},\n' \
    "$ROUNDS" "$DURATION" "$BENCH_WARMUP" "${KHULASA_JAVA_OPTS:-}"
  printf '  "rows": [\n'
  sep=""
  while IFS= read -r r; do printf '%s    %s' "$sep" "$r"; sep=$',\n'; done <"$rows"
  printf '\n  ]\n}\n'
} >"$out"
log "wrote $out"
python3 - "$out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(f"\nFigure 1c — added latency at c=1 by LLM delay (ms), {j['date']} {j['commit']}, JVM flags: {j['method']['java_opts'] or 'none'}")
print(f"{'delay':>6} {'direct p50':>10} {'added p50':>10} {'server':>8} {'call':>8} {'own':>7} {'call-direct':>11} {'outside':>8}")
for row in j["rows"]:
    i = row["inside_mean_ms"]
    print(f"{row['llm_delay_ms']:>6} {row['direct_p50_ms']:>10.3f} {row['added_p50_ms']:>10.3f} {i['server']:>8.3f} "
          f"{i['call']:>8.3f} {i['own']:>7.3f} {i['call_over_direct']:>11.3f} {i['outside_server']:>8.3f}")
print("server/call/own/outside are means over khulasa's rounds (its /q/metrics); added p50 is client-side")
PY
