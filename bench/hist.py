#!/usr/bin/env python3
"""Merges wrk latency histograms (post.lua WRK_HIST_OUT: "<us> <count>" lines) and compares two targets.

  hist.py added OUT.json LABEL=dir/prefix ...   (see latency.sh)

For each concurrency it reads <dir>/<target>-c<c>-r<round>.hist for target in (direct, khulasa, and the peer gateway
portkey when its files are there), merges the rounds per target, and reports p50/p90/p99/p99.9 of each, the
difference to direct (added latency: "added_ms" for khulasa, "portkey_added_ms" for the peer) and, per round, the p50
difference, so that noise shows as spread between rounds.
"""
import glob
import json
import os
import re
import sys


def load(path):
    h = {}
    with open(path) as f:
        for line in f:
            v, c = line.split()
            h[int(v)] = h.get(int(v), 0) + int(c)
    return h


def merge(hs):
    out = {}
    for h in hs:
        for v, c in h.items():
            out[v] = out.get(v, 0) + c
    return out


def pct(h, p):
    n = sum(h.values())
    if n == 0:
        return None
    rank = max(1, int(round(p / 100.0 * n + 0.4999999)))  # nearest-rank
    seen = 0
    for v in sorted(h):
        seen += h[v]
        if seen >= rank:
            return v / 1000.0
    return max(h) / 1000.0


PCTS = [50, 90, 99, 99.9]


def summary(h):
    return {"n": sum(h.values()), **{f"p{str(p).replace('.', '')}": pct(h, p) for p in PCTS}}


def main():
    d = sys.argv[1]
    result = {}
    for c in sorted({int(m.group(1)) for f in glob.glob(os.path.join(d, "*.hist"))
                     for m in [re.search(r"-c(\d+)-r\d+\.hist$", f)] if m}):
        per = {}
        rounds = {}
        for t in ("direct", "portkey", "khulasa"):
            files = sorted(glob.glob(os.path.join(d, f"{t}-c{c}-r*.hist")),
                           key=lambda f: int(re.search(r"-r(\d+)\.hist$", f).group(1)))
            if not files:
                continue
            hs = [load(f) for f in files]
            per[t] = summary(merge(hs))
            rounds[t] = [pct(h, 50) for h in hs]

        def added(t):
            return {k: round(per[t][k] - per["direct"][k], 3) for k in per["direct"] if k != "n"}

        def by_round(t):
            return [round(k - dd, 3) for k, dd in zip(rounds[t], rounds["direct"])]

        result[f"c{c}"] = {"direct_ms": per["direct"], "khulasa_ms": per["khulasa"], "added_ms": added("khulasa"),
                           "added_p50_by_round_ms": by_round("khulasa")}
        if "portkey" in per:
            result[f"c{c}"].update({"portkey_ms": per["portkey"], "portkey_added_ms": added("portkey"),
                                    "portkey_added_p50_by_round_ms": by_round("portkey")})
    json.dump(result, sys.stdout, indent=None)


if __name__ == "__main__":
    main()
