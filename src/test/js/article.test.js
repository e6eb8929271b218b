import test from 'node:test';
import assert from 'node:assert/strict';

import { articleFields, describeArticle, looksLikeHtml, taskRequest } from '../../main/resources/META-INF/resources/desk/article.js';
import { groupBy, languageOf, plural, seconds } from '../../main/resources/META-INF/resources/desk/text.js';

test('pasted HTML is sent as html, anything else as text; the title only when given', () => {
  assert.deepEqual(articleFields('<p>نص المقال</p>', '  عنوان  '), { html: '<p>نص المقال</p>', title: 'عنوان' });
  assert.deepEqual(articleFields('نص المقال\nسطر ثان', ''), { text: 'نص المقال\nسطر ثان' });
  assert.deepEqual(articleFields('<!DOCTYPE html><html>…', undefined), { html: '<!DOCTYPE html><html>…' });
  assert.equal(articleFields('  \n\t ', 'عنوان'), null);
});

test('HTML is recognised by a known tag, not by any angle bracket', () => {
  for (const html of ['<div class="x">', '<BR/>', '<h2>', '<figcaption>', '<!doctype html>', 'text then <p>']) {
    assert.ok(looksLikeHtml(html), html);
  }
  for (const text of ['3 < 5 > 2', 'قال إن <المصدر> أكد', '<custom-tag>', '<pre>', '<p']) {
    assert.ok(!looksLikeHtml(text), text);
  }
  assert.ok(!looksLikeHtml('x'.repeat(20000) + '<p>'), 'only the first 20,000 characters are looked at');
});

test('the hint under the article says what was pasted', () => {
  assert.equal(describeArticle(''), 'Paste the article as plain text (one paragraph a line) or as HTML.');
  assert.equal(describeArticle('نص'), 'Plain text, 2 characters.');
  assert.equal(describeArticle('<p>' + 'ن'.repeat(1500) + '</p>'),
      'HTML, 1,507 characters: sent as html; khulasa extracts the article from it.');
});

test('a summary request carries length, format and a chosen version; a translation only its version', () => {
  const article = { text: 'نص', title: 'عنوان' };
  const options = { length: 'short', format: 'bullets', versions: { summary: 'v2', translation: '' } };
  assert.deepEqual(taskRequest('summary', article, options),
      { path: 'v1/summaries', body: { text: 'نص', title: 'عنوان', length: 'short', format: 'bullets', promptVersion: 'v2' } });
  assert.deepEqual(taskRequest('translation', article, options),
      { path: 'v1/translations', body: { text: 'نص', title: 'عنوان' } });
  assert.deepEqual(taskRequest('translation', article, { ...options, versions: { translation: 'v1' } }).body,
      { text: 'نص', title: 'عنوان', promptVersion: 'v1' });
  assert.deepEqual(article, { text: 'نص', title: 'عنوان' }, 'the article itself is not changed');
});

test('a text\'s direction and language follow its letters', () => {
  assert.deepEqual(languageOf('قال المتحدث'), { dir: 'rtl', lang: 'ar' });
  assert.deepEqual(languageOf('Reuters'), { dir: 'ltr', lang: 'en' });
  assert.deepEqual(languageOf('(رويترز) AFP'), { dir: 'rtl', lang: 'ar' });
  assert.deepEqual(languageOf('Getty Images صورة'), { dir: 'ltr', lang: 'en' });
  assert.deepEqual(languageOf('ﻻ'), { dir: 'rtl', lang: 'ar' }, 'presentation forms are Arabic');
  assert.deepEqual(languageOf('2024 — 13/5'), { dir: 'auto' });
  assert.deepEqual(languageOf(null), { dir: 'auto' });
});

test('durations, counts and groups', () => {
  assert.equal(seconds(850), '850 ms');
  assert.equal(seconds(3240), '3.2 s');
  assert.equal(plural(1, 'repaired word'), '1 repaired word');
  assert.equal(plural(0, 'repaired word'), '0 repaired words');
  assert.equal(plural(1200, 'line'), '1,200 lines');
  const groups = groupBy([{ rule: 'b', n: 1 }, { rule: 'a', n: 2 }, { rule: 'b', n: 3 }], 'rule');
  assert.deepEqual([...groups.keys()], ['b', 'a']);
  assert.deepEqual(groups.get('b').map((x) => x.n), [1, 3]);
  assert.equal(groupBy(undefined, 'rule').size, 0);
});
