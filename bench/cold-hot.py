#!/usr/bin/env python3
"""Compares two async-profiler CPU profiles of the summary request (bench/cold-profile.sh): the cold one (each request
finds khulasa idle) against the hot one (back-to-back requests), part by part of the request's path.

  cold-hot.py COLD.collapsed COLD_REQUESTS HOT.collapsed HOT_REQUESTS [OUT.json]

A part is every event-loop sample with one of its frames on the stack (inclusive), in samples per request. The ratio
says how much slower the part runs cold: one ratio for everything points at the host (a vCPU woken from idle, its
caches and TLBs), a part far above the rest at that part's own memory. The parts are a table, as data; frames named
by lambda (`lambda$chatAsync$1`) must follow the code when it moves.
"""
import collections
import json
import re
import sys

# (part, frame substring, where it runs). "before": the client's request read until the model's request is written;
# "after": the model's answer read until the response is written; "off": on the loop, off the request's latency.
PARTS = [
    ("read and check the request body (JSON, validation)", "SummaryRoute.plainRequest", "before"),
    ("request id", "RequestIdFilter.idFor", "before"),
    ("intake: cleaning", "ArticleIntake.accept", "before"),
    ("plan", "PlannedTask.plan", "before"),
    ("  of it: the article's token count", "TokenEstimator.count", "before"),
    ("result cache key", "ResultCache.keyOf", "before"),
    ("model request (JSON and the HTTP write)", "ChatCompletions.exchange", "before"),
    ("  of it: the request JSON", "ChatCompletions.body", "before"),
    ("the answer handled, until the response is written", "ChatCompletions.lambda$chatAsync$1", "after"),
    ("  parse the model's answer", "ChatCompletions.response", "after"),
    ("  guards", "OutputGuards.check", "after"),
    ("  attribution of the summary's sentences", "ArticleTraces.sentences", "after"),
    ("  write the response JSON", "ResponseSerializers", "after"),
    ("  response to the socket", "AbstractResponseWrapper.end", "after"),
    ("article index (built while the model works)", "ArticleTraces$RequestIndex.get", "off"),
    ("metrics after the response", "reportResponseComplete", "off"),
]


def thread_name(frame):
    """async-profiler's thread frame, «[vert.x-eventloop-thread-1 tid=123]», without its number and id."""
    return re.sub(r"[-#]?\d*( tid=\d+)?\]$", "]", frame)


def load(path, requests):
    parts = collections.Counter()
    threads = collections.Counter()
    loop = total = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            n = int(count)
            total += n
            first = stack.split(";", 1)[0]
            threads[thread_name(first)] += n
            if "eventloop" not in first:
                continue
            loop += n
            for name, frame, _ in PARTS:
                if frame in stack:
                    parts[name] += n
    top = {name: round(n / requests, 3) for name, n in threads.most_common(6)}
    return {name: parts[name] / requests for name, _, _ in PARTS}, loop / requests, total / requests, top


def main():
    cold, cold_loop, cold_all, cold_threads = load(sys.argv[1], int(sys.argv[2]))
    hot, hot_loop, hot_all, hot_threads = load(sys.argv[3], int(sys.argv[4]))
    ratio = lambda c, h: round(c / h, 2) if h else None
    rows = [{"part": name, "where": where, "cold": round(cold[name], 3), "hot": round(hot[name], 3),
             "ratio": ratio(cold[name], hot[name])} for name, _, where in PARTS]
    print(f"{'samples per request (inclusive)':54} {'where':6} {'cold':>7} {'hot':>7} {'cold/hot':>8}")
    print(f"{'all threads':54} {'':6} {cold_all:7.2f} {hot_all:7.2f} {ratio(cold_all, hot_all):8}")
    print(f"{'event loops':54} {'':6} {cold_loop:7.2f} {hot_loop:7.2f} {ratio(cold_loop, hot_loop):8}")
    for r in rows:
        print(f"{r['part']:54} {r['where']:6} {r['cold']:7.2f} {r['hot']:7.2f} {str(r['ratio']):>8}")
    for label, top in (("cold", cold_threads), ("hot", hot_threads)):
        print(f"{label}, by thread: " + ", ".join(f"{name} {n:.2f}" for name, n in top.items()))
    if len(sys.argv) > 5:
        with open(sys.argv[5], "w", encoding="utf-8") as out:
            json.dump({"all_threads": {"cold": round(cold_all, 3), "hot": round(hot_all, 3)},
                       "event_loops": {"cold": round(cold_loop, 3), "hot": round(hot_loop, 3)},
                       "threads": {"cold": cold_threads, "hot": hot_threads}, "parts": rows},
                      out, ensure_ascii=False)


if __name__ == "__main__":
    main()
