#!/usr/bin/env python3
"""Prints the latest results (bench/results/*.json) as the Markdown table of bench/README.md, with the machine.

  python3 bench/report.py [results-dir]            # prints it
  python3 bench/report.py --update-readme          # also replaces it in bench/README.md (between the RESULTS marks)
"""
import glob
import json
import os
import platform
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
update = "--update-readme" in sys.argv
args = [a for a in sys.argv[1:] if a != "--update-readme"]
d = args[0] if args else os.path.join(here, "results")


def load(name):
    p = os.path.join(d, name)
    return json.load(open(p)) if os.path.exists(p) else None


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        return "?"


rows = []
lat = load("latency-jvm.json")


def peer(v):
    """The peer gateway's added latency in the same run (figure 1's peer column), if it was measured."""
    p = v.get("portkey_added_ms")
    if not p:
        return ""
    version = (lat.get("peer") or {}).get("version", "?")
    return f"; peer Portkey gateway {version}: p50 {p['p50']:+.2f} ms, p99 {p['p99']:+.2f} ms"


if lat:
    for c in ("c1", "c32"):
        v = lat["comparison"].get(c)
        if v:
            a = v["added_ms"]
            ok = a["p50"] <= 0.5 and a["p99"] <= 2
            rows.append((f"1. added latency, LLM 398 ms, {c}", "p50 ≤ 0.5 ms, p99 ≤ 2 ms",
                         f"p50 {a['p50']:+.2f} ms, p99 {a['p99']:+.2f} ms (direct p50 {v['direct_ms']['p50']:.1f}, "
                         f"n={v['khulasa_ms']['n']}; p50 by round {v['added_p50_by_round_ms']}){peer(v)}",
                         "met" if ok else "missed", "bench/latency.sh", lat["date"], lat["commit"]))
    inst = (lat.get("comparison_instant_llm") or {}).get("c1")
    if inst:
        a = inst["added_ms"]
        rows.append(("1. added latency, instant LLM, c1", "(same)",
                     f"p50 {a['p50']:+.2f} ms, p99 {a['p99']:+.2f} ms (n={inst['khulasa_ms']['n']}; "
                     f"p50 by round {inst['added_p50_by_round_ms']}){peer(inst)}",
                     "met" if a["p50"] <= 0.5 and a["p99"] <= 2 else "missed", "bench/latency.sh", lat["date"], lat["commit"]))
    cpu = lat.get("khulasa_cpu_ms_per_request")
    if cpu:
        conn = lat.get("llm_connections", {})
        sockets = (f"{conn.get('opened_during_khulasa_rounds')} LLM connections opened for "
                   f"{conn.get('khulasa_requests_measured')} measured requests (keep-alive)"
                   if "opened_during_khulasa_rounds" in conn else f"LLM sockets (older metric) {conn}")
        rows.append(("1. khulasa CPU per request", "—",
                     f"{cpu.get('real')} ms (398 ms LLM), {cpu.get('instant')} ms (instant); {sockets}",
                     "info", "bench/latency.sh", lat["date"], lat["commit"]))
inf = load("inflight-jvm.json")
if inf:
    r = inf["rss_kib"]
    ok = inf["efficiency"] >= 0.9 and inf["errors"] == 0 and r["after_load"] / 1024 * 1.048576 <= 400
    rows.append((f"2. {inf['settings']['connections']} in flight, LLM {inf['settings']['llm_ms']} ms",
                 "efficiency ≥ 0.9, 0 errors, RSS ≤ 400 MB",
                 f"efficiency {inf['efficiency']}, errors {inf['errors']}, RSS end {r['after_load'] // 1024} MiB "
                 f"= {r['after_load'] * 1024 / 1e6:.0f} MB "
                 f"(p50 {inf['load']['latency_ms']['p50']:.0f} ms, p99 {inf['load']['latency_ms']['p99']:.0f} ms, "
                 f"LLM calls in flight max {(inf.get('fake_llm_stats') or {}).get('maxInFlight')}; "
                 f"JVM opts '{inf['settings'].get('java_opts', '')}'"
                 + (f", MALLOC_ARENA_MAX={inf['settings']['malloc_arena_max']}" if inf['settings'].get('malloc_arena_max') else "")
                 + (f", JIT warm-up {inf['settings']['jit_warmup']}" if inf['settings'].get('jit_warmup') else "") + ")",
                 "met" if ok else "missed", "bench/inflight.sh", inf["date"], inf["commit"]))
la = load("long-article.json")
if la:
    runs = {r["name"]: r for r in la["runs"]}
    par, single = runs.get("chunked-parallel-8"), runs.get("single-call")
    if par:
        rows.append(("3. long article, 8 chunks at 20 tok/s", "wall ÷ slowest chunk ≤ 1.3",
                     f"{par['wallOverSlowestChunk']} (wall {par['wallMs'] / 1000:.1f} s, slowest chunk "
                     f"{par['slowestChunkMs'] / 1000:.1f} s"
                     + (f"; one call for the whole article {single['wallMs'] / 1000:.1f} s" if single else "") + ")",
                     "met" if la.get("pass") else "missed", "bench/long-article.sh", la["date"], la.get("commit", "")))
tok = load("tokens.json")
if tok:
    arts = tok["result"]["articles"]
    worst_s = max(a["summaries_sent"] - a["cleaned"] for a in arts)
    worst_t = max(a["translations_sent"] - a["cleaned"] for a in arts)
    raw = sum(a["raw"] for a in arts)
    cleaned = sum(a["cleaned"] for a in arts)
    rows.append(("4. tokens raw / cleaned / sent", "sent ≤ cleaned + 300",
                 f"{len(arts)} articles: raw {raw}, cleaned {cleaned} ({100 * (raw - cleaned) / raw:.0f}% fewer); "
                 f"prompt overhead ≤ {worst_s} (summary), ≤ {worst_t} (translation) ({tok['result']['encoding']})",
                 "met" if max(worst_s, worst_t) <= 300 else "missed (translation)", "bench/tokens.sh", tok["date"], tok["commit"]))
cl = load("cleaner.json")
if cl:
    art = [r for r in cl if r["benchmark"].endswith(".articles")]
    one = {r["params"]["name"]: r["secondaryMetrics"]["bytes"]["score"] / 1e6 for r in cl if r["benchmark"].endswith(".article")}
    adv = {}
    for r in cl:
        if r["benchmark"].endswith(".adversarial"):
            adv.setdefault(r["params"]["kind"], {})[int(r["params"]["chars"])] = r["secondaryMetrics"]["bytes"]["score"] / 1e6
    if art:
        mbs = art[0]["secondaryMetrics"]["bytes"]["score"] / 1e6
        detail = ", ".join(f"{k.split('.')[0]} {v:.0f}" for k, v in one.items())
        rows.append(("5. cleaner, realistic articles (1 core)", "≥ 50 MB/s", f"{mbs:.0f} MB/s all fixtures ({detail})",
                     "met" if mbs >= 50 else "missed", "bench/cleaner.sh", "", ""))
    if adv:
        lo = min(v[262144] for v in adv.values() if 262144 in v)
        ratios = [v[1048576] / v[262144] for v in adv.values() if len(v) == 2]
        rows.append(("5. cleaner, adversarial (linear?)", "linear time",
                     f"≥ {lo:.0f} MB/s; MB/s at 1 MiB ÷ at 256 KiB: {min(ratios):.2f}–{max(ratios):.2f}",
                     "met" if min(ratios) > 0.7 else "check", "bench/cleaner.sh", "", ""))
st = load("startup-jvm.json")
if st:
    r = st["rss_kib"]
    rows.append(("6. start-up and memory (JVM)", "—",
                 f"ready {st['time_to_ready_ms']['median']} ms (median of {len(st['time_to_ready_ms']['runs'])}); "
                 f"RSS idle {r['idle'] // 1024} MiB, after ~1,000 requests {r['after_load'] // 1024} MiB",
                 "info", "bench/startup.sh", st["date"], st["commit"]))

kf = load("kafka-failover.json")
if kf:
    f = kf["failover"]
    rows.append(("7. Kafka failover (2 instances, one killed)", "0 lost",
                 f"{f['completed']}/{f['articles']} completed, {f['lost']} lost, {f['llmCallsSpentTwice']} LLM calls spent twice "
                 f"(killed at {f['finishedAtKill']} of {f['articles']} finished: "
                 # half up, as FailoverFigureTextTest (Java's Math.round) reads it: Python's round(30.5) is 30
                 f"{int(100 * f['finishedAtKill'] / f['articles'] + 0.5)} %), {f['seconds']} s",
                 "met" if f["lost"] == 0 else "missed", "bench/kafka-failover.sh", kf["date"], kf["commit"]))
kt = load("kafka-throughput.json")
if kt:
    t = kt["throughput"]
    rows.append(("8. Kafka throughput, 1 vs 2 instances", "two ≥ 1.8 × one",
                 f"{t['oneInstance']} vs {t['twoInstances']} articles/s ({t['ratio']}×; {t['articles']} articles, "
                 f"{t['perInstanceCapacity']:.0f} articles/s LLM capacity per instance)",
                 "met" if t["met"] else "missed", "bench/kafka-throughput.sh", kt["date"], kt["commit"]))

ex = load("extraction.json")
if ex:
    sm = ex["summary"]
    parts = []
    for kind in ("real", "templated"):
        if kind in sm:
            k, r = sm[kind]["khulasa"], sm[kind].get("readability")
            parts.append(f"{kind} ({sm[kind]['pages']} page{'s' if sm[kind]['pages'] != 1 else ''}): khulasa F1 {k['f1']:.3f} (P {k['precision']:.2f}, "
                         f"R {k['recall']:.2f}, {int(k['lost'])} lost)" + (f", Readability {r['f1']:.3f} (P "
                         f"{r['precision']:.2f}, R {r['recall']:.2f}, {int(r['lost'])} lost)" if r else ""))
        else:
            parts.append(f"{kind}: no pages")
    real = sm.get("real")
    verdict = ("met" if real["khulasa"]["f1"] > real["readability"]["f1"] else "missed") if real and "readability" in real \
        else "no real pages"
    rows.append(("9. extraction vs Mozilla Readability", "higher mean F1 on real pages, no lost paragraph",
                 "; ".join(parts), verdict, "bench/extraction.sh", ex["date"], ex.get("commit", "")))
hp = load("html-page.json")
if hp:
    t = {r["pageBytes"]: r for r in hp["throughput"]}
    small, big = t.get(1048576), t.get(5242880)
    if small and big:
        rows.append(("10. whole pages, 1 core", "linear, bounded memory",
                     f"{small['mbPerS']:.0f} MB/s at 1 MiB, {big['mbPerS']:.0f} MB/s at 5 MiB "
                     f"({big['allocatedMiBPerPage']:.0f} MiB allocated per 5 MiB page); 5 MiB page cleaned in "
                     f"-Xmx{hp['heap']['minXmxMiB']}m (plain Jsoup.parse of it: -Xmx{hp['heap']['minXmxMiBFullJsoupDom']}m)",
                     "met" if big["mbPerS"] >= 0.7 * small["mbPerS"] else "check", "bench/html-page.sh", hp["date"],
                     hp["commit"]))

cap = load("capacity.json")
if cap:
    runs = {r["name"]: r for r in cap["runs"]}
    parts = [f"{n}: {','.join(map(str, r['statuses']))} in {r['wallMs'] / 1000:.1f} s, {r['serverSlotsFull']} slots-full "
             f"answers, breaker {'open' if r['breakerOpen'] else 'closed'}" for n, r in runs.items()]
    rows.append((f"11. {cap['requests']} long translations vs {cap['slots']} slots", "all 200, breaker closed",
                 "; ".join(parts), "met" if cap["pass"] else "missed", "bench/capacity.sh", cap["date"], cap["commit"]))
def cpu_row(cpu12, name):
    last = {}
    for r in cpu12["rows"]:  # the last pass of each task and concurrency (the first may still pay for the JIT)
        last[(r["task"], r["connections"])] = r
    parts = [f"{t} c={c} {r['cpu_ms_per_request']:.2f} ms ({r['requests']} req, JIT {r['jit_threads_ms_per_request']:.2f})"
             for (t, c), r in last.items()]
    ok = all(r["cpu_ms_per_request"] <= cpu12["target_ms"].get(t, 99) for (t, c), r in last.items())
    rows.append((name, "summary ≤ 1 ms, digest ≤ 1.5 ms",
                 "; ".join(parts) + f"; idle control {cpu12['control_idle']['ticks_per_s']} ticks/s; load average "
                 f"{cpu12.get('load_average_at_end')}; articles: {cpu12['method']['article']}", "met" if ok else "missed",
                 "bench/cpu.sh", cpu12["date"], cpu12["commit"]))


cpu12 = load("cpu.json")
if cpu12:
    cpu_row(cpu12, "12. khulasa CPU per request, instant LLM")
cpu12r = load("cpu-rotating.json")
if cpu12r:
    cpu_row(cpu12r, "12. khulasa CPU per request, instant LLM, distinct articles in turn (CPU_ROTATE=1)")
cc = load("cpu-compare.json")
if cc:
    b = cc["builds"]
    parts = [f"{name}: {v['instant_ms']['mean']:.2f} ms instant ({v['instant_ms']['min']:.2f}–{v['instant_ms']['max']:.2f}), "
             f"{v['real_ms']['mean']:.2f} ms at 398 ms ({v['real_ms']['min']:.2f}–{v['real_ms']['max']:.2f})"
             for name, v in b.items()]
    rows.append((f"12b. CPU per summary request, two builds ({len(cc['rounds']) // max(1, len(b))} rounds)",
                 "new not above base beyond the spread", "; ".join(parts), "info", "bench/cpu-compare.sh", cc["date"],
                 cc["commit"]))

ch = load("chaos.json")
if ch:
    c = ch["chaos"]
    names = ", ".join(f["fault"] for f in c["faults"])
    rows.append(("15. chaos drill (2 instances, jobs + feed)", "0 lost, duplicates counted",
                 f"{c['completed']}/{c['articles']} completed, {c['lost']} lost, {c['duplicatedResults']} duplicated results "
                 f"({c.get('duplicatedJobResults', 0)} of job articles), {c['seconds']} s; faults: {names}",
                 "met" if c["lost"] == 0 else "missed", "bench/chaos.sh", ch["date"], ch["commit"]))

cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = sh("free -h | awk '/Mem:/ {print $2}'")
# The JDK the figures ran on, as the scripts recorded it (not whatever `java` is on this shell's PATH).
javas = sorted({str(j["machine"]["java"]) for j in (lat, inf, tok, st) if j and "java" in j.get("machine", {})})
if javas:
    jdk = "JDK " + " / ".join(javas) + " (as recorded in the result files)"
else:
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    jdk = sh(f"{java} -version 2>&1 | head -n1")
lines = [f"Machine: `nproc` {os.cpu_count()}, `free -h` {mem} total, CPU {cpu}, {platform.system()} {platform.release()}, {jdk}.",
         "", "| figure | target | result | verdict | command | date | commit |", "| --- | --- | --- | --- | --- | --- | --- |"]
lines += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
table = "\n".join(lines) + "\n"
print(table, end="")
if update:
    import re
    readme = os.path.join(here, "README.md")
    text = open(readme, encoding="utf-8").read()
    text = re.sub(r"(<!-- RESULTS:BEGIN[^\n]*-->\n).*?(<!-- RESULTS:END -->)", lambda m: m.group(1) + table + m.group(2),
                  text, flags=re.S)
    open(readme, "w", encoding="utf-8").write(text)
