// Shared by the desk's unit tests: where the files are, and the codes the service can send, read from its Java
// sources (found by file name, so a class moving package does not break the test).

import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DESK = join(ROOT, 'src/main/resources/META-INF/resources/desk');
const JAVA = join(ROOT, 'src/main/java');

let javaFiles = null;

/** The one Java source file of that name under src/main/java. */
export function javaSource(fileName) {
  javaFiles ??= readdirSync(JAVA, { recursive: true }).map(String).filter((f) => f.endsWith('.java'));
  const found = javaFiles.filter((f) => basename(f) === fileName);
  if (found.length !== 1) {
    throw new Error(`expected one ${fileName} under src/main/java, found ${found.length}: ${found.join(', ')}`);
  }
  return readFileSync(join(JAVA, found[0]), 'utf8');
}

/** The desk's JavaScript files, relative to desk/, with their text. */
export function deskScripts() {
  return readdirSync(DESK, { recursive: true }).map(String).filter((f) => f.endsWith('.js'))
      .map((f) => ({ file: f, text: readFileSync(join(DESK, f), 'utf8') }));
}

/** Every cleaning rule code: the string constants of RuleNames.java. */
export function ruleCodes() {
  const source = javaSource('RuleNames.java');
  const declared = [...source.matchAll(/static final String (\w+)\s*=/g)].length;
  const codes = [...source.matchAll(/static final String \w+\s*=\s*"([^"]+)"\s*;/g)].map((m) => m[1]);
  if (codes.length === 0 || codes.length !== declared) {
    throw new Error(`RuleNames.java: ${declared} constants, ${codes.length} read as a plain string literal`);
  }
  return codes;
}

/**
 * The value of a constant another class holds, as ProblemType refers to it: "LlmException.Kind.TIMEOUT" (an enum
 * constant with its code: TIMEOUT("llm-timeout")) or "LanguageGuard.CODE" (CODE = "output-wrong-language").
 */
function resolveConstant(reference) {
  const segments = reference.split('.');
  const name = segments[segments.length - 1];
  const source = javaSource(`${segments[0]}.java`);
  const match = source.match(new RegExp(`\\b${name}\\s*=\\s*"([^"]+)"\\s*;`))
      || source.match(new RegExp(`\\b${name}\\s*\\(\\s*"([^"]+)"`));
  if (!match) {
    throw new Error(`cannot resolve ${reference} in ${segments[0]}.java`);
  }
  return match[1];
}

/**
 * Every problem code: the codes of ProblemType's constants, e.g. MISSING_BODY(400, "missing-body", "…") or
 * LLM_TIMEOUT(504, LlmException.Kind.TIMEOUT, "…"): the second argument, a string or a constant of another class.
 */
export function problemCodes() {
  const source = javaSource('ProblemType.java');
  // The constants run from the enum's opening line to the first line ending in ");" (comments may hold ';').
  const start = source.indexOf('enum ProblemType');
  const end = source.slice(start).search(/\)\s*;\s*$/m);
  const body = source.slice(start, start + end + 1);
  const constants = [...body.matchAll(/^\s+[A-Z][A-Z0-9_]*\(/gm)].length;
  const codes = [...body.matchAll(/^\s+[A-Z][A-Z0-9_]*\(\s*[^,()"]+,\s*("([^"]+)"|[A-Za-z_][\w.]*)\s*,/gm)]
      .map((m) => m[2] ?? resolveConstant(m[1]));
  if (codes.length === 0 || codes.length !== constants) {
    throw new Error(`ProblemType.java: ${constants} constants, ${codes.length} read as (status, code, title)`);
  }
  return [...new Set(codes)];
}
