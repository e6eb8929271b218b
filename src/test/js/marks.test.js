import test from 'node:test';
import assert from 'node:assert/strict';

import { renderCleanedText, repairedWordPattern, repairsByCleanedForm } from '../../main/resources/META-INF/resources/desk/marks.js';
import { CLEANING_RULES } from '../../main/resources/META-INF/resources/desk/words.js';
import { Element, installDocument } from './fake-dom.js';

const REPAIRS = [
  { from: 'الإنتخابات', to: 'الانتخابات', rule: 'split-word' },
  { from: 'الانتخـابات', to: 'الانتخابات', rule: 'tatweel' },
  { from: 'ﺍﻟﺴﻼﻡ', to: 'السلام', rule: 'presentation-forms' },
  { from: 'same', to: 'same', rule: 'whitespace' },
  null,
];

test('repairs are gathered by cleaned form, each original and rule once; non-repairs are left out', () => {
  const repairs = repairsByCleanedForm([...REPAIRS, REPAIRS[0]]);
  assert.deepEqual([...repairs.keys()], ['الانتخابات', 'السلام']);
  assert.deepEqual(repairs.get('الانتخابات'), { from: ['الإنتخابات', 'الانتخـابات'], rules: ['split-word', 'tatweel'] });
  assert.equal(repairsByCleanedForm(undefined).size, 0);
});

test('a repaired word is matched whole, never inside a longer word, the longer form first', () => {
  const pattern = repairedWordPattern(repairsByCleanedForm([{ from: 'a', to: 'علم', rule: 'r' }, { from: 'b', to: 'علم.ا', rule: 'r' }]));
  const found = (s) => [...s.matchAll(pattern)].map((m) => m[0]);
  assert.deepEqual(found('علم و العلم و علمٌ و علم.ا و (علم)'), ['علم', 'علم.ا', 'علم'], 'not in العلم, not in علمٌ (a mark is part of the word)');
  assert.equal(repairedWordPattern(new Map()), null);
});

test('the cleaned text is one paragraph a line, repaired words marked with their original on hover and focus', () => {
  installDocument();
  const container = new Element('div');
  container.append('old content');
  const marked = renderCleanedText(container, 'جرت الانتخابات اليوم\n\n  \nالسلام عليكم والسلامة', REPAIRS);
  assert.equal(marked, 2);
  const paragraphs = container.children;
  assert.deepEqual(paragraphs.map((p) => p.textContent), ['جرت الانتخابات اليوم', 'السلام عليكم والسلامة']);
  const [first, second] = container.all('mark');
  assert.equal(first.textContent, 'الانتخابات');
  assert.equal(first.className, 'repair');
  assert.equal(first.tabIndex, 0);
  assert.equal(first.dataset.original, 'الإنتخابات | الانتخـابات');
  assert.equal(first.title, `«الإنتخابات» or «الانتخـابات» → «الانتخابات» (${CLEANING_RULES['split-word']}, ${CLEANING_RULES.tatweel})`);
  assert.equal(first.dataset.tip, first.title);
  assert.equal(second.textContent, 'السلام');
});

test('text is never parsed as markup, and a text with no repairs is plain paragraphs', () => {
  installDocument();
  const container = new Element('div');
  assert.equal(renderCleanedText(container, '<b>نص</b>', []), 0);
  assert.equal(container.children[0].textContent, '<b>نص</b>');
  assert.equal(container.all('b').length, 0);
  assert.equal(renderCleanedText(container, null, null), 0);
  assert.equal(container.children.length, 0);
});
