#!/usr/bin/env bash
# Static checks of the deployment files that need no Docker engine and no cluster:
# compose schema (docker-compose v1 or the v2 plugin), YAML lint, Kubernetes schemas, Dockerfile lint,
# and the build context the .dockerignore allow-list yields. Tools come from Debian and npm; missing
# ones are reported and skipped, a failing check fails the script.
#   docker/validate.sh          (apt-get install -y docker-compose yamllint shellcheck python3-docker; node + npm)
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
ok()   { printf 'ok    %s\n' "$*"; }
bad()  { printf 'FAIL  %s\n' "$*"; fail=1; }
skip() { printf 'skip  %s\n' "$*"; }

# Compose: the v2 plugin if present, else v1 (which also accepts this file: it has no top-level name:).
if docker compose version >/dev/null 2>&1; then compose=(docker compose); elif command -v docker-compose >/dev/null; then compose=(docker-compose); else compose=(); fi
if [ ${#compose[@]} -gt 0 ]; then
  for df in docker/Dockerfile.jvm docker/Dockerfile.native; do
    if KHULASA_DOCKERFILE=$df "${compose[@]}" -f docker/compose.yml config >/dev/null; then ok "compose config ($df)"; else bad "compose config ($df)"; fi
  done
else skip "compose config: neither 'docker compose' nor docker-compose installed"; fi

if command -v yamllint >/dev/null; then
  if yamllint -d '{extends: relaxed, rules: {line-length: {max: 200}}}' docker/compose.yml docker/kubernetes.yml; then ok yamllint; else bad yamllint; fi
else skip "yamllint not installed"; fi

if command -v shellcheck >/dev/null; then
  if (cd bench && shellcheck -x ./*.sh) && shellcheck docker/validate.sh; then ok shellcheck; else bad shellcheck; fi
else skip "shellcheck not installed"; fi

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
else skip "hadolint not installed"; fi

# The context the allow-list sends, by docker-py's own .dockerignore matcher.
if python3 -c 'import docker.utils.build' 2>/dev/null; then
  ctx=$(python3 - <<'PY'
import docker.utils.build as b
pats = [l.strip() for l in open('.dockerignore') if l.strip() and not l.startswith('#')]
tops = sorted({('/'.join(p.split('/')[:2]) if p.startswith(('src/', 'target/')) else p.split('/')[0]) for p in b.exclude_paths('.', pats)})
print(' '.join(tops))
PY
)
  case " $ctx " in
    *" src/test "*|*" .git "*) bad "build context includes tests or .git: $ctx" ;;
    *" pom.xml "*) ok "build context: $ctx" ;;
    *) bad "build context misses pom.xml: $ctx" ;;
  esac
  for d in src/main prompts; do
    if [ -d "$d" ] && [[ " $ctx " != *" $d "* ]]; then bad "build context misses $d"; fi
  done
else skip "python3-docker not installed: build context listing"; fi

exit $fail
