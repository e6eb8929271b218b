import test from 'node:test';
import assert from 'node:assert/strict';

import { CLEANING_RULES, PROBLEMS, WARNINGS, engineName, explainWarning, problemExplanation, ruleName } from '../../main/resources/META-INF/resources/desk/words.js';
import { deskScripts, problemCodes, ruleCodes } from './support.js';

test('every cleaning rule code of RuleNames.java has editor wording', () => {
  const codes = ruleCodes();
  assert.ok(codes.length >= 34, `only ${codes.length} rule codes read`);
  const missing = codes.filter((code) => !CLEANING_RULES[code]);
  assert.deepEqual(missing, [], `rule codes without wording in words.js: ${missing.join(', ')}`);
});

test('every problem code of ProblemType.java has editor wording', () => {
  const codes = problemCodes();
  assert.ok(codes.length >= 50, `only ${codes.length} problem codes read`);
  const missing = codes.filter((code) => !problemExplanation(code));
  assert.deepEqual(missing, [], `problem codes without wording in words.js: ${missing.join(', ')}`);
});

test('every problem code the page makes up itself has editor wording', () => {
  const own = new Set();
  for (const { file, text } of deskScripts()) {
    for (const m of text.matchAll(/\bcode:\s*'([a-z0-9]+(?:-[a-z0-9]+)*)'(?!\s*\+)/g)) {
      own.add(m[1]);
    }
    assert.ok(!/\bcode:\s*"/.test(text), `${file}: write problem codes in single quotes, so this test sees them`);
  }
  for (const expected of ['network-error', 'stream-cut', 'stream-unreadable', 'blank-article']) {
    assert.ok(own.has(expected), `${expected} not found in the desk's scripts`);
  }
  const missing = [...own].filter((code) => !problemExplanation(code));
  assert.deepEqual(missing, [], `codes without wording: ${missing.join(', ')}`);
});

test('no wording is left for a code the service no longer has', () => {
  const rules = new Set(ruleCodes());
  assert.deepEqual(Object.keys(CLEANING_RULES).filter((r) => !rules.has(r)), []);
  const problems = new Set(problemCodes());
  const pageOwn = new Set(['network-error', 'stream-cut', 'stream-unreadable']);
  assert.deepEqual(Object.keys(PROBLEMS).filter((p) => !problems.has(p) && !pageOwn.has(p)), []);
});

test('wording is plain text: no markup, no empty entry', () => {
  for (const table of [CLEANING_RULES, PROBLEMS, WARNINGS]) {
    for (const [code, words] of Object.entries(table)) {
      assert.match(code, /^[a-z0-9]+(-[a-z0-9]+)*$/, code);
      assert.ok(words.trim().length > 5, `${code}: "${words}"`);
      assert.ok(!/[<>]/.test(words), `${code}: "${words}"`);
    }
  }
});

test('an unknown code is shown as the service wrote it', () => {
  assert.equal(ruleName('split-word'), CLEANING_RULES['split-word']);
  assert.equal(ruleName('some-new-rule'), 'some-new-rule');
  assert.equal(problemExplanation('some-new-problem'), '');
  assert.equal(problemExplanation(undefined), '');
  assert.equal(engineName('extractive'), 'extractive: sentences copied from the article, no language model');
  assert.equal(engineName('quantum'), 'quantum');
});

test('a warning is split into its code, its explanation and the service\'s detail', () => {
  assert.deepEqual(explainWarning("output-missing-names: 'Nagorno-Karabakh' for «قره باغ»"), {
    code: 'output-missing-names',
    explanation: WARNINGS['output-missing-names'],
    detail: "'Nagorno-Karabakh' for «قره باغ»",
  });
  assert.deepEqual(explainWarning('title-missing: the translation has no title line'),
      { code: 'title-missing', explanation: WARNINGS['title-missing'], detail: 'the translation has no title line' });
  assert.deepEqual(explainWarning('something-new'), { code: 'something-new', explanation: 'The service reported', detail: '' });
  // "a: b" with no space after the colon is not a code and a detail
  assert.deepEqual(explainWarning('odd:warning'), { code: 'odd:warning', explanation: 'The service reported', detail: '' });
});
