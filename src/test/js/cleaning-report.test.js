// The cleaning report and the problem parts, run in Node on the small fake DOM.
import test from 'node:test';
import assert from 'node:assert/strict';

import { Element, installDocument } from './fake-dom.js';
import { renderReport } from '../../main/resources/META-INF/resources/desk/views/cleaning-report.js';
import { problemParts } from '../../main/resources/META-INF/resources/desk/views/problems.js';
import { CLEANING_RULES, problemExplanation } from '../../main/resources/META-INF/resources/desk/words.js';

const REPORT = {
  charsIn: 2819,
  charsOut: 2409,
  rules: { byline: 1, navigation: 2, 'split-word': 1, 'dot-between-words': 1, whitespace: 4 },
  removedLines: [{ rule: 'byline', line: 'طيف بوست - فريق التحرير' }, { rule: 'navigation', line: 'Home' },
    { rule: 'navigation', line: 'الرئيسية' }],
  repairedWords: [{ rule: 'split-word', from: 'الصـراع', to: 'الصراع' }],
  flagged: [{ rule: 'dot-between-words', token: 'نص.وهذا', reason: 'a dot between two words' }],
  source: 'المصدر: وكالات',
};

test('the report groups removed lines and repaired words by rule, in the editor\'s words, and counts the rest', () => {
  installDocument();
  const container = new Element('div');
  renderReport(container, REPORT);
  const headings = container.all('h4').map((h) => h.textContent);
  assert.deepEqual(headings, ['Removed lines (3)', 'Repaired words (1), marked in the text',
    'Left as they are, please check (1)', 'Other changes']);
  const groups = container.all('details');
  assert.deepEqual(groups.map((d) => d.getAttribute('data-rule')), ['byline', 'navigation', 'split-word']);
  assert.equal(groups[1].all('summary')[0].textContent, `${CLEANING_RULES.navigation} (2) navigation`);
  const lines = groups[1].all('li');
  assert.deepEqual(lines.map((li) => [li.textContent, li.getAttribute('dir')]), [['Home', 'ltr'], ['الرئيسية', 'rtl']]);
  assert.deepEqual(groups[2].all('td').map((td) => td.textContent), ['الصـراع', 'الصراع']);
  const others = container.all('li').filter((li) => li.getAttribute('data-rule') === 'whitespace');
  assert.equal(others[0].textContent, `${CLEANING_RULES.whitespace}: 4 whitespace`);
  assert.match(container.textContent, /2,819 characters in, 2,409 out\./);
  assert.match(container.textContent, /Source line: المصدر: وكالات/);
  assert.doesNotMatch(container.textContent, /arrived clean/);
});

test('a clean article says so', () => {
  installDocument();
  const container = new Element('div');
  renderReport(container, { charsIn: 10, charsOut: 10, rules: {}, removedLines: [], repairedWords: [], flagged: [] });
  assert.equal(container.all('h4').length, 0);
  assert.match(container.textContent, /Nothing to change: the article arrived clean\./);
});

test('a problem shows its title, status and code, its detail, the editor\'s explanation and what else it carries', () => {
  installDocument();
  const box = new Element('div');
  box.append(...problemParts({ status: 404, code: 'unknown-prompt-version', title: 'Unknown prompt version',
    detail: 'No summarize prompt v9', available: ['v1', 'v2'], violations: [{ field: 'length', message: 'must be short, medium or long' }] }));
  assert.equal(box.all('strong')[0].textContent, 'Unknown prompt version');
  assert.equal(box.all('span')[0].textContent, '(404 · unknown-prompt-version)');
  assert.deepEqual(box.all('p').map((p) => p.textContent), ['No summarize prompt v9', problemExplanation('unknown-prompt-version'),
    'Versions there are: v1, v2', 'length: must be short, medium or long']);
  const bare = new Element('div');
  bare.append(...problemParts({}));
  assert.equal(bare.textContent, 'Error');
});
