#!/usr/bin/env bash
# Figure 12: khulasa's own CPU per request. The service's process CPU time (utime + stime of /proc/<pid>/stat, all
# threads: request path, JIT compiler, GC, everything) over at least CPU_REQUESTS requests after a JIT warm-up,
# divided by the requests answered, for POST /v1/summaries, /v1/translations and /v1/digests (the 5 KB reference
# article) at 1 and 4 connections, with the fake LLM answering at once (so the count is khulasa's work, not idle time).
#
# Controls, kept in the result file: (a) the service idle for CONTROL_IDLE_S seconds with nothing sent (its background CPU:
# timers, metrics, JIT finishing), reported as ticks per second and subtracted as "net" beside the raw figure;
# (b) the fake LLM's own CPU per LLM call over the same rounds (a trivial JDK HTTP server: what a bare HTTP
# exchange costs on this machine now); (c) the JIT compiler and GC threads' share of the service's CPU during the
# measured rounds (/proc/<pid>/task/*, by thread name), so a figure inflated by compilation still running shows.
# A task is measured in rounds of CPU_ROUND until CPU_REQUESTS requests are reached; the tasks and concurrencies
# alternate (summary, translation, digest at c=1, then at c=4, then again in reverse in pass 2), so background
# load falls on all of them alike.
#   bench/cpu.sh                     # writes bench/results/cpu.json and prints a table
#   CPU_ROTATE=1 bench/cpu.sh        # the same over distinct articles sent in turn (BENCH_ARTICLES, lib.sh):
#                                    # writes bench/results/cpu-rotating.json. khulasa keeps what it learnt of each
#                                    # word across requests (WordKeys), so one article repeated would show only hits.
# Knobs (env): CPU_REQUESTS (10000) CPU_ROUND (10s) BENCH_WARMUP (20s per task, 16 connections)
#   CPU_PASSES (2; the figure is the last pass: the first may still pay for JIT compilation, see its JIT column)
#   CONTROL_IDLE_S (10) CPU_TASKS ("summary translation digest") CPU_CONNECTIONS ("1 4") KHULASA_CMD
#   KHULASA_JAVA_OPTS BENCH_ARTICLE WRK_HEADER
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CPU_REQUESTS=${CPU_REQUESTS:-10000}
CPU_ROUND=${CPU_ROUND:-10s}
CPU_PASSES=${CPU_PASSES:-2}
BENCH_WARMUP=${BENCH_WARMUP:-20s}
CONTROL_IDLE_S=${CONTROL_IDLE_S:-10}
read -r -a TASKS <<<"${CPU_TASKS:-summary translation digest}"
read -r -a CONNS <<<"${CPU_CONNECTIONS:-1 4}"

use_jdk
[ -n "${KHULASA_CMD:-}" ] || build_app
fake_port=$(free_port 18100 18499)
start_fake_llm "$fake_port" --first-token-ms 0 --tokens-per-second 0 --output-tokens 100
FAKE_ROOT=${FAKE_URL%/v1}
start_khulasa "$(free_port 18800 18999)" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120

body=$BENCH_TMP/article-body.json
write_summary_body "$body" # {"text": …}: the same body for the three tasks
result_name=cpu.json
article_label=$(basename "$BENCH_ARTICLE")
if [ "${CPU_ROTATE:-0}" = 1 ]; then
  write_article_bodies "$body"
  export WRK_BODY_LINES=1
  result_name=cpu-rotating.json
fi
hdr=()
[ -n "${WRK_HEADER:-}" ] && hdr=(-H "$WRK_HEADER")
path_of() { case "$1" in summary) echo /v1/summaries ;; translation) echo /v1/translations ;; digest) echo /v1/digests ;;
  *) die "unknown task $1" ;; esac; }
if [ "${CPU_ROTATE:-0}" = 1 ]; then
  urls=()
  for t in "${TASKS[@]}"; do urls+=("$KHULASA_URL$(path_of "$t")"); done
  keep_articles_answered "$body" "${urls[@]}"
  article_label="$(wc -l <"$body") distinct articles of $(basename "$BENCH_ARTICLES") in turn (of $KEPT_OF: the others' fake answers fail a guard), $(( $(wc -c <"$body") / $(wc -l <"$body") )) bytes of JSON on average"
fi
for t in "${TASKS[@]}"; do
  code=$(curl -s -o "$BENCH_TMP/probe.json" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
    "${hdr[@]}" --data-binary "$(head -n1 "$body")" "$KHULASA_URL$(path_of "$t")")
  [ "$code" = 200 ] || { cat "$BENCH_TMP/probe.json" >&2; echo >&2; die "POST $(path_of "$t") answered $code"; }
done

hz=$(getconf CLK_TCK)
ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# utime+stime of the service's threads whose name matches a pattern (C2/C1 compiler threads, GC threads).
thread_ticks() { # pid regex
  local f sum=0 name
  for f in /proc/"$1"/task/*; do
    name=$(cat "$f/comm" 2>/dev/null) || continue
    if [[ $name =~ $2 ]]; then sum=$(( sum + $(awk '{print $14 + $15}' "$f/stat" 2>/dev/null || echo 0) )); fi
  done
  echo "$sum"
}
JIT_RE='^(C1|C2) CompilerThre'
GC_RE='^(G1|GC Thread|VM Thread|Parallel|Serial|ZGC|Z |Shenandoah)'
fake_calls() { curl -s --max-time 5 "$FAKE_ROOT/stats" | sed -E 's/.*"requests":([0-9]+).*/\1/'; }

for t in "${TASKS[@]}"; do
  log "warm-up $BENCH_WARMUP on $(path_of "$t") at 16 connections"
  run_wrk "warmup-$t" "$KHULASA_URL$(path_of "$t")" "$body" 2 16 "$BENCH_WARMUP" "${hdr[@]}" >/dev/null
done

log "control: the service idle for ${CONTROL_IDLE_S}s"
idle_before=$(ticks_of "$KHULASA_PID")
sleep "$CONTROL_IDLE_S"
idle_ticks=$(( $(ticks_of "$KHULASA_PID") - idle_before ))
idle_per_s=$(awk -v t="$idle_ticks" -v s="$CONTROL_IDLE_S" 'BEGIN{printf "%.3f", t / s}')
log "idle: $idle_ticks ticks in ${CONTROL_IDLE_S}s"

measure() { # task connections pass
  local t=$1 c=$2 p=$3 url n=0 k=0 line r ticks0 jit0 gc0 fake0 fakec0 start_ns end_ns threads
  url=$KHULASA_URL$(path_of "$t")
  threads=$(( c == 1 ? 1 : 2 ))
  ticks0=$(ticks_of "$KHULASA_PID"); jit0=$(thread_ticks "$KHULASA_PID" "$JIT_RE"); gc0=$(thread_ticks "$KHULASA_PID" "$GC_RE")
  fake0=$(ticks_of "$FAKE_PID"); fakec0=$(fake_calls)
  start_ns=$(date +%s%N)
  while [ "$n" -lt "$CPU_REQUESTS" ]; do
    k=$(( k + 1 ))
    line=$(run_wrk "$t-c$c-p$p-r$k" "$url" "$body" "$threads" "$c" "$CPU_ROUND" "${hdr[@]}")
    echo "$line" | grep -q '"non_2xx":0,' || die "$t c=$c: non-2xx answers: $line"
    echo "$line" | grep -q '"socket_errors":{"connect":0,"read":0,"write":0,"timeout":0}' || die "$t c=$c: socket errors: $line"
    r=$(echo "$line" | sed -E 's/.*"requests":([0-9]+).*/\1/')
    n=$(( n + r ))
    echo "$line" >>"$BENCH_TMP/wrk.jsonl"
  done
  end_ns=$(date +%s%N)
  python3 - "$t" "$c" "$p" "$n" "$k" "$hz" "$(( $(ticks_of "$KHULASA_PID") - ticks0 ))" \
    "$(( $(thread_ticks "$KHULASA_PID" "$JIT_RE") - jit0 ))" "$(( $(thread_ticks "$KHULASA_PID" "$GC_RE") - gc0 ))" \
    "$(( $(ticks_of "$FAKE_PID") - fake0 ))" "$(( $(fake_calls) - fakec0 ))" "$(( (end_ns - start_ns) / 1000000 ))" \
    "$idle_per_s" >>"$BENCH_TMP/rows.jsonl" <<'PY'
import json, sys
t, c, p, n, k, hz, ticks, jit, gc, fake, calls, wall_ms, idle = sys.argv[1:]
n, hz, ticks, wall_s, idle = int(n), int(hz), int(ticks), int(wall_ms) / 1000, float(idle)
ms = lambda x: round(x * 1000 / hz / n, 3)
print(json.dumps({"task": t, "connections": int(c), "pass": int(p), "requests": n, "rounds": int(k),
                  "wall_s": round(wall_s, 1), "requests_per_s": round(n / wall_s, 1), "ticks": ticks,
                  "cpu_ms_per_request": ms(ticks),
                  "cpu_ms_per_request_net_of_idle": ms(max(0.0, ticks - idle * wall_s)),
                  "jit_threads_ms_per_request": ms(int(jit)), "gc_threads_ms_per_request": ms(int(gc)),
                  "llm_calls": int(calls),
                  "fake_llm_cpu_ms_per_call": round(int(fake) * 1000 / hz / int(calls), 3) if int(calls) else None}))
PY
  log "$(tail -n1 "$BENCH_TMP/rows.jsonl")"
}

order=()
for c in "${CONNS[@]}"; do for t in "${TASKS[@]}"; do order+=("$t $c"); done; done
for p in $(seq 1 "$CPU_PASSES"); do
  if [ $(( p % 2 )) = 1 ]; then seq_idx=$(seq 0 $(( ${#order[@]} - 1 ))); else seq_idx=$(seq $(( ${#order[@]} - 1 )) -1 0); fi
  for i in $seq_idx; do
    read -r t c <<<"${order[$i]}"
    log "pass $p: $t at c=$c until $CPU_REQUESTS requests (rounds of $CPU_ROUND)"
    measure "$t" "$c" "$p"
  done
done

mkdir -p "$RESULTS_DIR"
out=$RESULTS_DIR/$result_name
{
  printf '{\n  "figure": "12: khulasa CPU per request (process CPU time / requests), fake LLM answering at once",\n  %s\n' \
    "$(result_header)"
  printf '  "load_average_at_end": "%s",\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '  "method": {"min_requests": %s, "round": "%s", "passes": %s, "jit_warmup": "%s per task at 16 connections", "clk_tck": %s, "article": "%s", "fake_llm": "first token 0 ms, 0 tok/s (at once), 100 tokens"},\n' \
    "$CPU_REQUESTS" "$CPU_ROUND" "$CPU_PASSES" "$BENCH_WARMUP" "$hz" "$article_label"
  printf '  "target_ms": {"summary": 1.0, "digest": 1.5},\n'
  printf '  "control_idle": {"seconds": %s, "ticks": %s, "ticks_per_s": %s},\n' "$CONTROL_IDLE_S" "$idle_ticks" "$idle_per_s"
  printf '  "rows": [\n'
  sep=""
  while IFS= read -r r; do printf '%s    %s' "$sep" "$r"; sep=$',\n'; done <"$BENCH_TMP/rows.jsonl"
  printf '\n  ],\n  "runs": [\n'
  sep=""
  while IFS= read -r r; do printf '%s    %s' "$sep" "$r"; sep=$',\n'; done <"$BENCH_TMP/wrk.jsonl"
  printf '\n  ]\n}\n'
} >"$out"
log "wrote $out"
python3 - "$out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(f"\nFigure 12 — khulasa CPU per request, {j['date']} {j['commit']}, load average at end {j['load_average_at_end']}")
print(f"idle control: {j['control_idle']['ticks_per_s']} ticks/s")
print(f"{'task':12} {'c':>2} {'pass':>4} {'requests':>9} {'req/s':>8} {'CPU ms/req':>10} {'net idle':>9} {'JIT':>7} {'GC':>7} {'fake ms/call':>12}")
for r in j["rows"]:
    print(f"{r['task']:12} {r['connections']:>2} {r['pass']:>4} {r['requests']:>9} {r['requests_per_s']:>8} "
          f"{r['cpu_ms_per_request']:>10.3f} {r['cpu_ms_per_request_net_of_idle']:>9.3f} "
          f"{r['jit_threads_ms_per_request']:>7.3f} {r['gc_threads_ms_per_request']:>7.3f} {r['fake_llm_cpu_ms_per_call']!s:>12}")
print("targets: summary <= 1 ms, digest <= 1.5 ms")
PY
