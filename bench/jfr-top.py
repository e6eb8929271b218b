#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output (bench/profile.sh).

  jfr-top.py SAMPLES.txt [REQUESTS]

Prints the share of samples per top frame (self), per package of the top frame, and per khulasa method anywhere on
the stack (inclusive: what a khulasa step costs with everything it calls). With REQUESTS, the sample count per
request too (JFR samples Java threads every ~10-20 ms, so shares matter more than counts).
"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\((.*?)\)\s+line:")


def samples(path):
    stack, inside = [], False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("jdk.ExecutionSample"):
                stack, inside = [], False
            elif "stackTrace = [" in line:
                inside = True
            elif inside:
                m = FRAME.match(line)
                if m:
                    stack.append(m.group(1))
                elif line.strip().startswith("]"):
                    inside = False
                    if stack:
                        yield stack


def package(method):
    parts = method.split(".")
    return ".".join(parts[:4]) if len(parts) > 4 else ".".join(parts[:-2])


def main():
    stacks = list(samples(sys.argv[1]))
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    n = len(stacks)
    if n == 0:
        sys.exit("no execution samples in " + sys.argv[1])
    self_m = collections.Counter(s[0] for s in stacks)
    self_p = collections.Counter(package(s[0]) for s in stacks)
    incl = collections.Counter()
    for s in stacks:
        for m in set(f for f in s if f.startswith("io.khulasa.")):
            incl[m] += 1
    per = f", {n / requests:.3f} samples per request" if requests else ""
    print(f"\n{n} samples{per}")
    for title, counter, k in (("self time by method", self_m, 25), ("self time by package", self_p, 20),
                              ("inclusive, khulasa methods", incl, 40)):
        print(f"\n{title}:")
        for name, c in counter.most_common(k):
            print(f"  {100 * c / n:5.1f}%  {name}")


if __name__ == "__main__":
    main()
