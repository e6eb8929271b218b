#!/usr/bin/env bash
# Where khulasa's own time and memory go on an article request (POST /v1/summaries by default, 5 KB article): a JFR
# recording (settings=profile: CPU samples and allocation samples) of the service with the fake LLM answering at once,
# summarised by method (bench/jfr-top.py: CPU) and by allocation site with the bytes allocated per request
# (bench/jfr-alloc.py).
#   bench/profile.sh                  # prints the top frames; keeps the recording in bench/results/profile.jfr
#   PROFILE_TASK=digest bench/profile.sh   # the same for /v1/digests (summary|translation|digest);
#                                          # the recording is then bench/results/profile-digest.jfr
#   PROFILE_ROTATE=1 bench/profile.sh     # over distinct articles sent in turn (BENCH_ARTICLES, as CPU_ROTATE=1
#                                          # bench/cpu.sh): the recording is then profile[-task]-rotating.jfr
#   PROFILE_LLM_DELAY_MS=20 bench/profile.sh # the fake answers after 20 ms while recording (after the warm-up at once):
#                                          # each request then finds the service idle, as figure 1c's cold rows do;
#                                          # the recording is then profile[-task]-delay20.jfr
# Knobs (env): PROFILE_TASK (summary) PROFILE_WARMUP (60s) PROFILE_DURATION (30s) PROFILE_CONNECTIONS (2) PROFILE_LLM_DELAY_MS (0)
#   BENCH_ARTICLE KHULASA_JAVA_OPTS
# The recording is not a result table: it is the first step when a figure misses its target.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PROFILE_WARMUP=${PROFILE_WARMUP:-60s}
PROFILE_DURATION=${PROFILE_DURATION:-30s}
PROFILE_CONNECTIONS=${PROFILE_CONNECTIONS:-2}
PROFILE_TASK=${PROFILE_TASK:-summary}
case "$PROFILE_TASK" in
  summary) task_path=/v1/summaries; jfr_name=profile.jfr ;;
  translation) task_path=/v1/translations; jfr_name=profile-translation.jfr ;;
  digest) task_path=/v1/digests; jfr_name=profile-digest.jfr ;;
  *) die "PROFILE_TASK is summary, translation or digest, not $PROFILE_TASK" ;;
esac

use_jdk
build_app
start_fake_llm "$(free_port 18100 18499)" --first-token-ms 0 --tokens-per-second 0 --output-tokens 100
port=$(free_port 18800 18999)
start_khulasa "$port" "$FAKE_URL"
wait_http_200 "$KHULASA_URL/q/health/ready" "$KHULASA_PID" 120

summary=$BENCH_TMP/summary-body.json
write_summary_body "$summary"
if [ "${PROFILE_ROTATE:-0}" = 1 ]; then
  write_article_bodies "$summary"
  export WRK_BODY_LINES=1
  keep_articles_answered "$summary" "$KHULASA_URL$task_path"
  jfr_name=${jfr_name%.jfr}-rotating.jfr
  log "$(wc -l <"$summary") distinct articles of $KEPT_OF in turn"
fi
log "JIT warm-up $PROFILE_WARMUP"
run_wrk warmup "$KHULASA_URL$task_path" "$summary" 2 16 "$PROFILE_WARMUP" >/dev/null

if [ "${PROFILE_LLM_DELAY_MS:-0}" != 0 ]; then
  curl -s -o /dev/null -X POST "${FAKE_URL%/v1}/config?first-token-ms=$PROFILE_LLM_DELAY_MS&tokens-per-second=0"
  jfr_name=${jfr_name%.jfr}-delay$PROFILE_LLM_DELAY_MS.jfr
  log "the fake now answers after $PROFILE_LLM_DELAY_MS ms"
fi
mkdir -p "$RESULTS_DIR"
jfr_file=$RESULTS_DIR/$jfr_name
log "recording $PROFILE_DURATION of $task_path at $PROFILE_CONNECTIONS connections"
jcmd "$KHULASA_PID" JFR.start name=bench settings=profile filename="$jfr_file" >/dev/null
line=$(run_wrk profile "$KHULASA_URL$task_path" "$summary" 1 "$PROFILE_CONNECTIONS" "$PROFILE_DURATION")
jcmd "$KHULASA_PID" JFR.stop name=bench >/dev/null
requests=$(echo "$line" | sed -E 's/.*"requests":([0-9]+).*/\1/')
log "$requests requests recorded; $jfr_file"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" >"$BENCH_TMP/samples.txt"
echo "$PROFILE_TASK ($task_path), commit $(service_commit), $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$BENCH_DIR/jfr-top.py" "$BENCH_TMP/samples.txt" "$requests"
duration_s=$(echo "$line" | sed -E 's/.*"duration_s":([0-9.]+).*/\1/')
python3 "$BENCH_DIR/jfr-alloc.py" "$jfr_file" "$requests" "$duration_s"
