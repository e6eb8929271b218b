#!/usr/bin/env bash
# Static checks of the deployment files that need no Docker engine and no cluster: compose schema and
# interpolation (docker-compose v1 or the v2 plugin), YAML lint, Kubernetes schemas, Dockerfile lint, shell
# lint, the build context the .dockerignore allow-list yields, and the promises the files make (no default or
# placeholder API key, Ollama and khulasa given the same context window and slots, per-model property keys that a
# properties parser reads as intended). Tools come from Debian and npm; missing ones are reported and skipped, a
# failing check fails the script.
#   docker/validate.sh                    (apt-get install -y docker-compose yamllint shellcheck python3-docker; node + npm)
#   VALIDATE_BUILD=1 docker/validate.sh   also replays the Dockerfiles' Maven build stages outside a container, on a copy
#                                         of the build context, with an empty Maven repository: the dependency layer must
#                                         hold everything, the source steps run offline (downloads ~220 MB per image, minutes;
#                                         needs a JDK >= 21 as JAVA_HOME or first on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
ok()   { printf 'ok    %s\n' "$*"; }
bad()  { printf 'FAIL  %s\n' "$*"; fail=1; }
skip() { printf 'skip  %s\n' "$*"; }

py=
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import yaml' 2>/dev/null; then py=$candidate; break; fi
done

# Compose: the v2 plugin if present, else v1 (which also accepts this file: it has no top-level name:).
if docker compose version >/dev/null 2>&1; then compose=(docker compose); elif command -v docker-compose >/dev/null; then compose=(docker-compose); else compose=(); fi
if [ ${#compose[@]} -gt 0 ]; then
  for df in docker/Dockerfile.jvm docker/Dockerfile.native; do
    if KHULASA_SECURITY_API_KEYS=validate-only KHULASA_DOCKERFILE=$df "${compose[@]}" -f docker/compose.yml config >/dev/null; then
      ok "compose config ($df)"
    else bad "compose config ($df)"; fi
  done
  # No default key: without KHULASA_SECURITY_API_KEYS compose must refuse, naming the variable.
  if out=$(env -u KHULASA_SECURITY_API_KEYS "${compose[@]}" -f docker/compose.yml config 2>&1); then
    bad "compose starts without KHULASA_SECURITY_API_KEYS (a default key?)"
  elif grep -q 'set KHULASA_SECURITY_API_KEYS' <<<"$out"; then ok "compose refuses to start without KHULASA_SECURITY_API_KEYS"
  else bad "compose failed without KHULASA_SECURITY_API_KEYS, but not with its message: $out"; fi
  # Ollama and khulasa agree on the context window and the slots, with defaults and with other values.
  if [ -n "$py" ]; then
    for vars in "" "OLLAMA_CONTEXT_LENGTH=16384 OLLAMA_NUM_PARALLEL=4"; do
      # shellcheck disable=SC2086 # $vars is a list of assignments
      if env KHULASA_SECURITY_API_KEYS=validate-only $vars "${compose[@]}" -f docker/compose.yml config | "$py" -c '
import sys, yaml
s = yaml.safe_load(sys.stdin)["services"]
o, k = s["ollama"]["environment"], s["khulasa"]["environment"]
assert str(o["OLLAMA_CONTEXT_LENGTH"]) == str(k["KHULASA_LLM_CONTEXT_WINDOW"]), (o, k)
assert str(o["OLLAMA_NUM_PARALLEL"]) == str(k["OLLAMA_NUM_PARALLEL"]), (o, k)
assert k["QUARKUS_CONFIG_LOCATIONS"] in [v.split(":")[1] for v in s["khulasa"]["volumes"]], k
print("  context", o["OLLAMA_CONTEXT_LENGTH"], "slots", o["OLLAMA_NUM_PARALLEL"])
'; then ok "compose: Ollama and khulasa share context window and slots (${vars:-defaults})"
      else bad "compose: Ollama and khulasa disagree (${vars:-defaults})"; fi
    done
  fi
else skip "compose config: neither 'docker compose' nor docker-compose installed"; fi

if command -v yamllint >/dev/null; then
  if yamllint -d '{extends: relaxed, rules: {line-length: {max: 200}}}' docker/compose.yml docker/kubernetes.yml; then ok yamllint; else bad yamllint; fi
else skip "yamllint not installed"; fi

if command -v shellcheck >/dev/null; then
  if (cd bench && shellcheck -x ./*.sh) && shellcheck docker/validate.sh .ci/run .ci/first-run; then ok shellcheck; else bad shellcheck; fi
else skip "shellcheck not installed"; fi

# Kubernetes: no Secret ships with the manifest (no placeholder keys); the Deployment names the one the docs create.
if [ -n "$py" ]; then
  if "$py" - <<'PY'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open("docker/kubernetes.yml")) if d]
secrets = [d["metadata"]["name"] for d in docs if d["kind"] == "Secret"]
refs = [e["secretRef"]["name"] for d in docs if d["kind"] == "Deployment"
        for c in d["spec"]["template"]["spec"]["containers"] for e in c.get("envFrom", []) if "secretRef" in e]
header = open("docker/kubernetes.yml").read()
problems = []
if secrets: problems.append(f"Secret documents in the manifest: {secrets}")
for r in refs:
    if f"kubectl create secret generic {r}" not in header: problems.append(f"no documented 'kubectl create secret generic {r}'")
if not refs: problems.append("the Deployment reads no Secret (where do the API keys come from?)")
if problems: print("\n".join("  " + p for p in problems))
sys.exit(1 if problems else 0)
PY
  then ok "kubernetes: no Secret shipped; the Deployment's Secret is created by a documented command"
  else bad "kubernetes: Secret handling"; fi

  # Per-model keys: a ':' inside a quoted model name ends a .properties key unless escaped as '\:'.
  if "$py" - <<'PY'
import re, sys, yaml
texts = {"docker/khulasa.properties": open("docker/khulasa.properties").read()}
for d in yaml.safe_load_all(open("docker/kubernetes.yml")):
    if d and d["kind"] == "ConfigMap":
        for key, value in (d.get("data") or {}).items():
            if key.endswith(".properties"): texts[f"kubernetes.yml ConfigMap {d['metadata']['name']}/{key}"] = value
bad = 0
for where, text in texts.items():
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s[0] in "#!": continue
        # java.util.Properties: the key ends at the first unescaped '=', ':' or whitespace
        m = re.match(r'((?:\\.|[^=:\s\\])*)', s)
        key = m.group(1)
        if key.count('"') % 2:
            bad += 1; print(f"  {where}:{n}: the key ends inside a quoted name ({key!r}); escape ':' as '\\:'")
        else:
            print(f"  {where}:{n}: {key.replace(chr(92), '')}")
sys.exit(1 if bad else 0)
PY
  then ok "properties files: per-model keys parse as intended"
  else bad "properties files: per-model keys"; fi
else skip "python3 with PyYAML not found: kubernetes secret and properties key checks"; fi

if command -v npm >/dev/null && command -v node >/dev/null; then
  tools=$(mktemp -d "${TMPDIR:-/tmp}/khulasa-validate.XXXXXX")
  trap 'rm -rf "$tools"' EXIT
  (cd "$tools" && npm init -y >/dev/null && npm i --silent --no-audit --no-fund \
      kubernetes-models@5.1.0 yaml@2 dockerfile-utils@0.16.3 dockerfilelint@1.8.0 >/dev/null)
  cat >"$tools/k8s.mjs" <<'JS'
import fs from 'node:fs';
import YAML from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
const kinds = { Deployment, Service, ConfigMap, Secret, HorizontalPodAutoscaler };
let bad = 0;
for (const doc of YAML.parseAllDocuments(fs.readFileSync(process.argv[2], 'utf8'))) {
  const o = doc.toJS(); if (!o) continue;
  if (!kinds[o.kind]) { bad++; console.log('unknown kind', o.kind); continue; }
  try { new kinds[o.kind](o).validate(); console.log('  valid', o.kind, o.metadata.name); }
  catch (e) { bad++; console.log('  INVALID', o.kind, o.metadata.name, e.message); }
}
process.exit(bad ? 1 : 0);
JS
  cat >"$tools/df.mjs" <<'JS'
import fs from 'node:fs';
import { validate } from 'dockerfile-utils';
let n = 0;
for (const f of process.argv.slice(2)) {
  for (const d of validate(fs.readFileSync(f, 'utf8'))) { n++; console.log(`  ${f}:${d.range.start.line + 1}: ${d.message}`); }
}
process.exit(n ? 1 : 0);
JS
  if node "$tools/k8s.mjs" docker/kubernetes.yml; then ok "kubernetes schemas"; else bad "kubernetes schemas"; fi
  if node "$tools/df.mjs" docker/Dockerfile.jvm docker/Dockerfile.native; then ok "dockerfile-utils"; else bad "dockerfile-utils"; fi
  if "$tools/node_modules/.bin/dockerfilelint" docker/Dockerfile.jvm docker/Dockerfile.native >"$tools/dfl.out" 2>&1; then ok dockerfilelint; else cat "$tools/dfl.out"; bad dockerfilelint; fi
else skip "node/npm not installed: kubernetes schemas, Dockerfile lint"; fi
if command -v hadolint >/dev/null; then
  if hadolint docker/Dockerfile.jvm docker/Dockerfile.native; then ok hadolint; else bad hadolint; fi
else skip "hadolint not installed (no Debian or npm package)"; fi

# Both images build from source: their build stage runs the Maven wrapper on a JDK 21 builder.
for df in docker/Dockerfile.jvm docker/Dockerfile.native; do
  if awk '/^FROM .* AS build/ {b = 1; next} /^FROM / {b = 0} b && /^RUN .*\.\/mvnw .*package/ {found = 1} END {exit !found}' "$df" \
     && grep -Eq '^FROM .*(openjdk-21|jdk-21|temurin:21|mandrel.*jdk-21)[^ ]* AS build' "$df"; then
    ok "$df: build stage runs ./mvnw package on a JDK 21 builder"
  else bad "$df: no JDK 21 build stage running ./mvnw package"; fi
done

# The context the allow-list sends, by docker-py's own .dockerignore matcher, and every COPY source inside it.
if [ -n "$py" ] && "$py" -c 'import docker.utils.build' 2>/dev/null; then
  if "$py" - <<'PY'
import fnmatch, glob, os, re, sys
import docker.utils.build as b
pats = [l.strip() for l in open('.dockerignore') if l.strip() and not l.startswith('#')]
files = set(b.exclude_paths('.', pats))
tops = sorted({('/'.join(p.split('/')[:2]) if p.startswith(('src/', 'target/')) else p.split('/')[0]) for p in files})
print('  context:', ' '.join(tops))
problems = []
# What ./mvnw package needs, and the licence the images carry.
for need in ['pom.xml', 'mvnw', '.mvn/wrapper/maven-wrapper.properties', '.mvn/jvm.config', 'LICENSE']:
    if need not in files: problems.append(f'misses {need}')
for need in ['src/main', 'prompts']:
    if not any(f.startswith(need + '/') for f in files): problems.append(f'misses {need}/')
for never in ['src/test', '.git', 'target', 'bench']:
    if any(f == never or f.startswith(never + '/') for f in files): problems.append(f'includes {never}')
for df in ['docker/Dockerfile.jvm', 'docker/Dockerfile.native']:
    text = re.sub(r'\\\n', ' ', open(df).read())
    for line in text.splitlines():
        parts = line.split()
        if not parts or parts[0] != 'COPY' or any(p.startswith('--from') for p in parts): continue
        for src in [p for p in parts[1:] if not p.startswith('--')][:-1]:
            src = src.rstrip('/')
            if not any(f == src or f.startswith(src + '/') or fnmatch.fnmatch(f, src) for f in files):
                problems.append(f'{df}: COPY {src} is not in the build context')
if problems: print('\n'.join('  ' + p for p in problems))
sys.exit(1 if problems else 0)
PY
  then ok "build context: what ./mvnw package needs, nothing else; every COPY source inside it"
  else bad "build context"; fi
else skip "python3-docker not installed: build context listing"; fi

# Opt-in: replay each Dockerfile's build stage (its COPY and RUN steps, not those run as root) outside a container.
replay_build_stage() {
  local df=$1 extra=$2 work
  work=$(mktemp -d "${TMPDIR:-/tmp}/khulasa-replay.XXXXXX")
  mkdir -p "$work/context" "$work/code" "$work/m2"
  "$py" - "$work/context" <<'PY'
import os, shutil, sys
import docker.utils.build as b
pats = [l.strip() for l in open('.dockerignore') if l.strip() and not l.startswith('#')]
for f in b.exclude_paths('.', pats):
    if os.path.isfile(f):
        os.makedirs(os.path.join(sys.argv[1], os.path.dirname(f)), exist_ok=True)
        shutil.copy2(f, os.path.join(sys.argv[1], f))
PY
  # The stage's steps as a script: COPY from the context copy, RUN as written; offline once sources arrive.
  "$py" - "$df" "$work" >"$work/steps.sh" <<'PY'
import re, shlex, sys
df, work = sys.argv[1], sys.argv[2]
text = re.sub(r'\\\n\s*', ' ', open(df).read())
stage, user = False, None
print('set -euo pipefail')
print(f'export MAVEN_USER_HOME={work}/m2 MAVEN_ARGS="-Dmaven.repo.local={work}/m2/repository $REPLAY_EXTRA"')
print(f'cd {work}/code')
for line in text.splitlines():
    parts = line.split()
    if not parts or parts[0].startswith('#'): continue
    if parts[0] == 'FROM':
        stage = parts[-1] == 'build' and parts[-2].upper() == 'AS'
        continue
    if not stage: continue
    if parts[0] == 'USER': user = parts[1]
    elif parts[0] == 'COPY':
        args = [p for p in parts[1:] if not p.startswith('--')]
        for src in args[:-1]:
            dst = args[-1].replace('/code', f'{work}/code', 1)
            print(f'mkdir -p {shlex.quote(dst if dst.endswith("/") else dst.rsplit("/", 1)[0] or ".")}')
            print(f'cp -a {work}/context/{src.rstrip("/")} {shlex.quote(dst)}')
            if src.startswith('src') or src.startswith('prompts'):
                print(f'export MAVEN_ARGS="-o -Dmaven.repo.local={work}/m2/repository $REPLAY_EXTRA"')
    elif parts[0] == 'RUN' and user != 'root':
        print(line[len('RUN '):].strip())
PY
  echo "  replaying $df in $work (steps: $work/steps.sh${extra:+, MAVEN_ARGS += $extra})"
  if REPLAY_EXTRA="$extra" bash "$work/steps.sh" >"$work/replay.log" 2>&1; then
    rm -rf "$work"; return 0
  fi
  tail -n 30 "$work/replay.log"; echo "  (kept $work)"; return 1
}
if [ "${VALIDATE_BUILD:-0}" = 1 ]; then
  if [ -n "$py" ] && "$py" -c 'import docker.utils.build' 2>/dev/null; then
    if replay_build_stage docker/Dockerfile.jvm ""; then ok "Dockerfile.jvm build stage replayed: dependency layer complete, source build offline"
    else bad "Dockerfile.jvm build stage replay"; fi
    # native-image itself needs Mandrel: the replay stops one step short of it.
    if replay_build_stage docker/Dockerfile.native "-Dquarkus.native.sources-only=true"; then
      ok "Dockerfile.native build stage replayed up to native-image: dependency layer complete, source build offline"
    else bad "Dockerfile.native build stage replay"; fi
  else skip "python3-docker not installed: build stage replay"; fi
else skip "build stage replay (VALIDATE_BUILD=1)"; fi

exit $fail
