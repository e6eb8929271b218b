import test from 'node:test';
import assert from 'node:assert/strict';

import { checkRequest, clampSpan, cutByRanges, describeLink, entriesOf, lineOffsets, locateEntries, mergeRanges, spansOf,
  whyUnsupported } from '../../main/resources/META-INF/resources/desk/trace.js';
import { FINDINGS, TRACE, findingExplanation, problemExplanation } from '../../main/resources/META-INF/resources/desk/words.js';

const ARTICLE = 'قال الوزير إن 120 شخصا أصيبوا.\nوأضاف أن الحكومة 😀 ستعوض المتضررين.\n\nوختم بالشكر.';

test('a span is clamped to the text and never cuts an astral character in half', () => {
  const emoji = ARTICLE.indexOf('😀');
  assert.equal('😀'.length, 2, 'an emoji is two UTF-16 units');
  assert.deepEqual(clampSpan(ARTICLE, { start: emoji + 1, end: emoji + 3 }), { start: emoji, end: emoji + 3 });
  assert.deepEqual(clampSpan(ARTICLE, { start: emoji - 2, end: emoji + 1 }), { start: emoji - 2, end: emoji + 2 });
  assert.deepEqual(clampSpan(ARTICLE, { start: -5, end: 4 }), { start: 0, end: 4 });
  assert.deepEqual(clampSpan(ARTICLE, { start: ARTICLE.length - 3, end: ARTICLE.length + 50 }),
      { start: ARTICLE.length - 3, end: ARTICLE.length });
  for (const bad of [null, {}, { start: 5, end: 5 }, { start: 9, end: 3 }, { start: 'a', end: 4 }, { start: 999, end: 1000 }]) {
    assert.equal(clampSpan(ARTICLE, bad), null, JSON.stringify(bad));
  }
});

test('overlapping and touching spans become disjoint ranges in order', () => {
  assert.deepEqual(mergeRanges(ARTICLE, [{ start: 40, end: 50 }, { start: 2, end: 8 }, { start: 6, end: 12 }, { start: 12, end: 14 },
    { start: 45, end: 48 }, { start: 30, end: 30 }]), [{ start: 2, end: 14 }, { start: 40, end: 50 }]);
  assert.deepEqual(mergeRanges(ARTICLE, []), []);
  assert.deepEqual(mergeRanges(ARTICLE, undefined), []);
  assert.deepEqual(mergeRanges('', [{ start: 0, end: 3 }]), []);
});

test('a text node is cut at the ranges, its pieces joined being the node', () => {
  const ranges = [{ start: 3, end: 6 }, { start: 8, end: 20 }];
  const parts = cutByRanges('abcdefghij', 2, ranges); // the node covers offsets 2..12
  assert.deepEqual(parts, [
    { text: 'a', highlighted: false },
    { text: 'bcd', highlighted: true },
    { text: 'ef', highlighted: false },
    { text: 'ghij', highlighted: true },
  ]);
  assert.equal(parts.map((p) => p.text).join(''), 'abcdefghij');
  assert.deepEqual(cutByRanges('xyz', 100, ranges), [{ text: 'xyz', highlighted: false }]);
  assert.deepEqual(cutByRanges('xyz', 0, [{ start: 0, end: 50 }]), [{ text: 'xyz', highlighted: true }]);
});

test('the highlighted text is the span\'s text, across lines and around an emoji', () => {
  const source = 'الحكومة 😀 ستعوض';
  const start = ARTICLE.indexOf(source);
  const ranges = mergeRanges(ARTICLE, [{ start: start + 4, end: start + source.length }, { start, end: start + 5 }]);
  let highlighted = '';
  for (const { start: at, line } of lineOffsets(ARTICLE)) {
    // the view cuts each line into text nodes (here: at the emoji, as a repair mark would)
    const cut = line.indexOf('😀') + 1;
    const nodes = cut > 0 ? [line.slice(0, cut), line.slice(cut)] : [line];
    let offset = at;
    for (const node of nodes) {
      highlighted += cutByRanges(node, offset, ranges).filter((p) => p.highlighted).map((p) => p.text).join('');
      offset += node.length;
    }
  }
  assert.equal(highlighted, source);
});

test('line offsets are those of the cleaned text, blank lines skipped', () => {
  const lines = lineOffsets(ARTICLE);
  assert.equal(lines.length, 3);
  for (const { start, line } of lines) {
    assert.equal(ARTICLE.slice(start, start + line.length), line);
  }
  assert.equal(lines[2].line, 'وختم بالشكر.');
  assert.deepEqual(lineOffsets(''), []);
});

test('sentences are found in the answer in order; one not found is left out, never guessed', () => {
  const summary = 'أصيب 120 شخصا. ستعوض الحكومة المتضررين. أصيب 120 شخصا.';
  const found = locateEntries(summary, [{ text: 'أصيب 120 شخصا.' }, { text: ' ستعوض الحكومة المتضررين. ' }, { text: 'جملة غائبة.' },
    { text: 'أصيب 120 شخصا.' }, { text: '' }]);
  assert.deepEqual(found.map((f) => f.index), [0, 1, 3]);
  assert.deepEqual(found.map((f) => summary.slice(f.start, f.end)),
      ['أصيب 120 شخصا.', 'ستعوض الحكومة المتضررين.', 'أصيب 120 شخصا.']);
  assert.ok(found[2].start > found[0].start, 'the repeated sentence is the second occurrence');
  assert.deepEqual(locateEntries('', [{ text: 'x' }]), []);
});

test('the entries of an answer, whatever delivery it came by', () => {
  const sentences = [{ text: 'أ', supported: true, score: 0.9, sources: [{ start: 0, end: 3, text: 'قال' }] }];
  const paragraphs = [{ text: 'A', source: { start: 0, end: 5, text: 'قال ا' } }];
  assert.equal(entriesOf('summary', { sentences }), sentences);
  assert.equal(entriesOf('summary', { summarySentences: sentences }), sentences);
  assert.equal(entriesOf('translation', { paragraphs }), paragraphs);
  assert.equal(entriesOf('translation', { translationParagraphs: paragraphs }), paragraphs);
  assert.deepEqual(entriesOf('summary', { summary: 'x' }), []);
  assert.deepEqual(entriesOf('translation', null), []);
  assert.deepEqual(spansOf(sentences[0]), sentences[0].sources);
  assert.deepEqual(spansOf(paragraphs[0]), [paragraphs[0].source]);
  assert.deepEqual(spansOf({ text: 'x', source: null }), []);
});

test('an edited answer is checked with the article as it was run and the cleaned text asked back', () => {
  assert.deepEqual(checkRequest('summary', { text: 'مقال', title: 'عنوان' }, 'ملخص'),
      { path: 'v1/checks', body: { text: 'مقال', title: 'عنوان', summary: 'ملخص', includeCleanedText: true } });
  assert.deepEqual(checkRequest('translation', { html: '<p>مقال</p>' }, 'A translation.'),
      { path: 'v1/checks', body: { html: '<p>مقال</p>', translation: 'A translation.', includeCleanedText: true } });
});

test('an unsupported sentence says why; a supported one says nothing', () => {
  assert.equal(whyUnsupported({ supported: true, score: 0.9, sources: [] }), '');
  assert.equal(whyUnsupported(undefined), '');
  assert.equal(whyUnsupported({ supported: false, score: 0.123, sources: [{ start: 0, end: 3 }] }),
      `${TRACE.unsupported} (12 %). ${TRACE.closest}`);
  assert.equal(whyUnsupported({ supported: false, sources: [] }), `${TRACE.unsupported}.`);
  assert.equal(describeLink('summary', { sources: [{}, {}] }), `${TRACE.sentenceSources} 2 passages`);
  assert.equal(describeLink('summary', { sources: [] }), TRACE.noSource);
  assert.equal(describeLink('translation', { source: {} }), TRACE.paragraphSource);
});

test('findings are explained in plain words, problem codes by the problem\'s wording', () => {
  assert.equal(findingExplanation('paragraph-number-mismatch'), FINDINGS['paragraph-number-mismatch']);
  assert.equal(findingExplanation('output-number-mismatch'), problemExplanation('output-number-mismatch'));
  assert.equal(findingExplanation('something-new'), 'something-new');
  for (const table of [TRACE, FINDINGS]) {
    for (const [key, words] of Object.entries(table)) {
      assert.ok(words.trim().length > 3 && !/[<>]/.test(words), `${key}: "${words}"`);
    }
  }
});
