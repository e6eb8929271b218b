#!/usr/bin/env python3
"""Allocation per request and the top allocation sites from a JFR recording (bench/profile.sh).

  jfr-alloc.py RECORDING.jfr REQUESTS [SECONDS]

Two independent estimates of the bytes the service allocated (all threads) while the recording ran:
  - samples: the sum of jdk.ObjectAllocationSample weights (each sample's weight is the bytes its thread allocated
    since its previous sample, so the sum estimates the total: JFR's own definition of the event);
  - heap: from jdk.GCHeapSummary, the heap growth between consecutive collections (used before GC n minus used after
    GC n-1), summed, as a rate over the span they cover, times SECONDS (the recording's load duration).
Then the top sites by sampled bytes: the allocating method (top frame), the first io.khulasa frame on the stack
(which khulasa step the allocation belongs to, everything it calls included), and the allocated class.
"""
import collections
from datetime import datetime
import json
import subprocess
import sys


def jfr_json(path, events, depth):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", events, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f.get("method") or {}
    t = (m.get("type") or {}).get("name", "?").replace("/", ".")
    return f"{t}.{m.get('name', '?')}"


def main():
    path, requests = sys.argv[1], int(sys.argv[2])
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else None
    samples = jfr_json(path, "jdk.ObjectAllocationSample", 160)
    total = 0
    by_top, by_khulasa, by_class = collections.Counter(), collections.Counter(), collections.Counter()
    for e in samples:
        v = e["values"]
        w = int(v.get("weight") or 0)
        total += w
        frames = ((v.get("stackTrace") or {}).get("frames")) or []
        names = [frame_name(f) for f in frames]
        by_top[names[0] if names else "?"] += w
        k = next((n for n in names if n.startswith("io.khulasa.") and "$$Lambda" not in n), "(no khulasa frame)")
        by_khulasa[k] += w
        by_class[(((v.get("objectClass") or {}).get("name")) or "?").replace("/", ".")] += w
    heap = jfr_json(path, "jdk.GCHeapSummary", 1)
    heap.sort(key=lambda e: (e["values"]["startTime"], 0 if e["values"]["when"].startswith("Before") else 1))
    grown, span_start, span_end, last_after = 0, None, None, None
    for e in heap:
        v = e["values"]
        if v["when"].startswith("After"):
            last_after = (v["startTime"], int(v["heapUsed"]))
            if span_start is None:
                span_start = v["startTime"]
        elif last_after is not None:
            grown += int(v["heapUsed"]) - last_after[1]
            span_end = v["startTime"]
    out = {"requests": requests, "sampled_bytes": total,
           "sampled_kb_per_request": round(total / requests / 1024, 1) if requests else None,
           "samples": len(samples)}
    if span_start and span_end and seconds:
        def secs(s):
            return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
        span = secs(span_end) - secs(span_start)
        if span > 0:
            out["heap_kb_per_request"] = round(grown / span * seconds / requests / 1024, 1)
            out["heap_span_s"] = round(span, 1)
    print(json.dumps(out))
    print(f"\nallocation: {out.get('sampled_kb_per_request')} KB per request from {len(samples)} allocation samples"
          f" (all threads); {out.get('heap_kb_per_request')} KB per request from the heap between collections")
    for title, counter, k in (("allocating method (top frame)", by_top, 20),
                              ("innermost khulasa frame (the step that allocated, callees included)", by_khulasa, 25), ("class", by_class, 12)):
        print(f"\nby {title}:")
        for name, w in counter.most_common(k):
            print(f"  {100 * w / total:5.1f}%  {w / requests / 1024:7.1f} KB/req  {name}")


if __name__ == "__main__":
    main()
