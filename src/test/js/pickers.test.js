// The prompt version pickers, made and filled in Node on the small fake DOM (EditorDeskIT shows them on the page).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Element, installDocument } from './fake-dom.js';
import { CATALOGUE } from './fakes.js';
import { DESK } from './support.js';
import { PICKERS, createPickers, pickerField } from '../../main/resources/META-INF/resources/desk/views/pickers.js';

const options = (select) => select.children.map((o) => [o.getAttribute('value'), o.textContent, o.getAttribute('title')]);

test('a picker field: its label bound to the select, described by its help line, offering "default" alone', () => {
  installDocument();
  const { field, select, help } = pickerField({ panel: 'summary', task: 'summarize', label: 'Summary prompt' });
  assert.equal(field.className, 'field');
  const [label, ...rest] = field.children;
  assert.deepEqual(rest, [select, help]);
  assert.equal(label.tagName, 'LABEL');
  assert.equal(label.getAttribute('for'), 'summary-version');
  assert.equal(label.textContent, 'Summary prompt');
  assert.equal(select.tagName, 'SELECT');
  assert.equal(select.getAttribute('id'), 'summary-version');
  assert.equal(select.getAttribute('name'), 'summary-version');
  assert.equal(select.getAttribute('aria-describedby'), 'summary-version-help');
  assert.deepEqual(options(select), [['', 'default', null]]);
  assert.equal(help.tagName, 'P');
  assert.equal(help.getAttribute('id'), 'summary-version-help');
  assert.equal(help.className, 'hint version-help');
  assert.equal(help.textContent, '');
});

test('one picker per task, in the page\'s order, each choosing for its panel', () => {
  assert.deepEqual(PICKERS.map((p) => [p.panel, p.task, p.label]), [
    ['summary', 'summarize', 'Summary prompt'],
    ['translation', 'translate', 'Translation prompt'],
  ]);
  const container = new Element('div');
  installDocument();
  const pickers = createPickers(container);
  assert.deepEqual(container.all('select').map((s) => s.getAttribute('id')), ['summary-version', 'translation-version']);
  assert.deepEqual(container.all('label').map((l) => l.getAttribute('for')), ['summary-version', 'translation-version']);
  assert.deepEqual(pickers.versions(), { summary: '', translation: '' }, 'the service\'s defaults before the catalogue');
});

test('filled from the catalogue: each task\'s versions, the default described; a choice is described and kept', () => {
  installDocument();
  const container = new Element('div');
  const pickers = createPickers(container);
  const [summary, translation] = container.all('select');
  const [summaryHelp, translationHelp] = container.all('p');
  pickers.fill(CATALOGUE);
  assert.deepEqual(options(summary), [['', 'default (v2)', null], ['v1', 'v1', 'first'], ['v2', 'v2 (default)', 'two'],
    ['v10', 'v10 · external', 'ten']]);
  assert.deepEqual(options(translation), [['', 'default (v1)', null], ['v1', 'v1 (default)', 'one']]);
  assert.equal(summaryHelp.textContent, 'v2: two');
  assert.equal(translationHelp.textContent, 'v1: one');

  summary.value = 'v1';
  summary.listeners.change.forEach((listener) => listener());
  assert.equal(summaryHelp.textContent, 'v1: first');
  assert.deepEqual(pickers.versions(), { summary: 'v1', translation: '' });

  pickers.fill(CATALOGUE);
  assert.equal(summary.value, 'v1', 'a version the service still has stays chosen');
  pickers.fill({ ...CATALOGUE, prompts: CATALOGUE.prompts.filter((p) => p.version !== 'v1') });
  assert.equal(summary.value, '', 'a version gone from the service falls back to the default');
  assert.equal(summaryHelp.textContent, 'v2: two');
});

test('the page has one place for the pickers and no picker markup of its own', () => {
  const page = readFileSync(join(DESK, '..', 'index.html'), 'utf8');
  assert.equal(page.match(/id="version-pickers"/g)?.length, 1);
  assert.doesNotMatch(page, /-version-help|id="(summary|translation)-version"/);
});
