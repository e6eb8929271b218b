import test from 'node:test';
import assert from 'node:assert/strict';

import { createRunner } from '../../main/resources/META-INF/resources/desk/run.js';
import { eventStream, installFetch, installStorage, json, untilAborted } from './fakes.js';

const CLEANED = { text: 'نص نظيف', title: 'عنوان', report: { rules: {}, repairedWords: [], removedLines: [] } };
const PROVENANCE = { model: 'm', prompts: { summarize: 'v2' } };

/** A panel that records what the run did to it, in order. */
function fakePanel(task) {
  return {
    task, label: task, source: null, streamed: undefined, calls: [], text: '',
    reset(note) { this.calls.push(['reset', note]); this.source = null; },
    begin(source, streamed) { this.calls.push(['begin', streamed]); this.source = source; this.streamed = streamed; },
    notRun(reason) { this.calls.push(['notRun', reason]); },
    append(text) { this.calls.push(['append', text]); this.text += text; },
    chunk(index, of) { this.calls.push(['chunk', index, of]); },
    finish(result) { this.calls.push(['finish', result]); },
    reject(problem) { this.calls.push(['reject', problem.code]); },
    fail(problem) { this.calls.push(['fail', problem.code]); },
    stop() { this.calls.push(['stop']); },
    last() { return this.calls[this.calls.length - 1]; },
  };
}

function desk({ raw = 'نص المقال', title = '', stream = true, versions = { summary: '', translation: '' } } = {}) {
  const d = {
    panels: { summary: fakePanel('summary'), translation: fakePanel('translation') },
    cleaned: {
      calls: [],
      begin() { this.calls.push(['begin']); },
      setState(state, text) { this.calls.push(['setState', state, text]); },
      show(answer) { this.calls.push(['show', answer]); },
    },
    errors: { list: [], clear() { this.list = []; }, add(source, problem) { this.list.push([source, problem.code]); } },
    intake: {
      raw: () => d.form.raw, title: () => d.form.title, focused: 0, focusArticle() { this.focused++; },
      options: () => ({ stream: d.form.stream, length: 'medium', format: 'paragraph', versions: d.form.versions }),
    },
    form: { raw, title, stream, versions },
    access: [],
    busy: [],
  };
  d.runner = createRunner(d, { onAccess: (p) => d.access.push(p.code), onBusy: (b) => d.busy.push(b) });
  return d;
}

test('a blank article is a problem at once: nothing is sent, the article field gets the focus', async () => {
  installStorage();
  const requests = installFetch({});
  const d = desk({ raw: ' \n ' });
  await d.runner.run(['summary', 'translation']);
  assert.deepEqual(d.errors.list, [['Article', 'blank-article']]);
  assert.equal(d.intake.focused, 1);
  assert.equal(requests.length, 0);
  assert.deepEqual(d.busy, []);
});

test('the article is cleaned first, then the task streams: text as it comes, parts, and done with provenance', async () => {
  installStorage();
  const requests = installFetch({
    'v1/clean': () => json(CLEANED),
    'v1/summaries': () => eventStream([['chunk', { index: 0, of: 2 }], ['delta', { text: 'ملخص ' }],
      ['chunk', { index: 1, of: 2 }], ['delta', { text: 'قصير' }], ['done', { provenance: PROVENANCE }]]),
  });
  const d = desk({ title: 'عنوان', versions: { summary: 'v2', translation: '' } });
  await d.runner.run(['summary']);
  assert.deepEqual(requests.map((r) => r.path), ['v1/clean', 'v1/summaries']);
  assert.deepEqual(requests[0].body, { text: 'نص المقال', title: 'عنوان' });
  assert.deepEqual(requests[1].body, { text: 'نص المقال', title: 'عنوان', length: 'medium', format: 'paragraph', promptVersion: 'v2' });
  assert.equal(requests[1].headers.Accept, 'text/event-stream');
  assert.deepEqual(d.cleaned.calls, [['begin'], ['show', CLEANED]]);
  assert.deepEqual(d.panels.summary.calls, [['begin', true], ['chunk', 0, 2], ['append', 'ملخص '], ['chunk', 1, 2],
    ['append', 'قصير'], ['finish', { provenance: PROVENANCE }]]);
  assert.equal(d.panels.summary.source, JSON.stringify({ text: 'نص المقال', title: 'عنوان' }));
  assert.deepEqual(d.busy, [true, false]);
  assert.deepEqual(d.errors.list, []);
});

test('both tasks run together after one cleaning', async () => {
  installStorage();
  const requests = installFetch({
    'v1/clean': () => json(CLEANED),
    'v1/summaries': () => eventStream([['delta', { text: 'ملخص' }], ['done', {}]]),
    'v1/translations': () => eventStream([['delta', { text: 'A summary' }], ['done', { title: 'Title' }]]),
  });
  const d = desk();
  await d.runner.run(['summary', 'translation']);
  assert.deepEqual(requests.map((r) => r.path).sort(), ['v1/clean', 'v1/summaries', 'v1/translations']);
  assert.deepEqual(d.panels.translation.last(), ['finish', { title: 'Title' }]);
  assert.deepEqual(requests.find((r) => r.path === 'v1/translations').body, { text: 'نص المقال' });
});

test('an error event after text rejects what was shown; nothing after the last event counts', async () => {
  installStorage();
  installFetch({
    'v1/clean': () => json(CLEANED),
    'v1/summaries': () => eventStream([['delta', { text: 'نص' }], ['error', { title: 'Wrong language', code: 'output-wrong-language' }],
      ['delta', { text: 'بعد' }], ['done', {}]]),
  });
  const d = desk();
  await d.runner.run(['summary']);
  assert.deepEqual(d.panels.summary.calls.slice(1), [['append', 'نص'], ['reject', 'output-wrong-language']]);
});

test('a stream that closes with neither done nor error fails as cut, never finishes', async () => {
  installStorage();
  installFetch({
    'v1/clean': () => json(CLEANED),
    'v1/summaries': () => eventStream([['delta', { text: 'نص' }], ['done', {}]], { cut: true }),
  });
  const d = desk();
  await d.runner.run(['summary']);
  assert.deepEqual(d.panels.summary.calls.slice(1), [['append', 'نص'], ['fail', 'stream-cut']]);
});

test('an event that is not JSON fails the answer as unreadable', async () => {
  installStorage();
  installFetch({ 'v1/clean': () => json(CLEANED), 'v1/summaries': () => eventStream([['delta', '{oops'], ['done', {}]]) });
  const d = desk();
  await d.runner.run(['summary']);
  assert.deepEqual(d.panels.summary.last(), ['fail', 'stream-unreadable']);
});

test('with streaming off the answer comes whole as JSON and is marked not streamed', async () => {
  installStorage();
  const requests = installFetch({
    'v1/clean': () => json(CLEANED),
    'v1/translations': () => json({ translation: 'The text', title: 'Title', provenance: PROVENANCE }),
  });
  const d = desk({ stream: false });
  await d.runner.run(['translation']);
  assert.equal(requests[1].headers.Accept, 'application/json');
  const panel = d.panels.translation;
  assert.equal(panel.streamed, false);
  assert.deepEqual(panel.calls, [['begin', false], ['append', 'The text'],
    ['finish', { translation: 'The text', title: 'Title', provenance: PROVENANCE }]]);
});

test('a task refused for want of a key fails and asks for the key', async () => {
  installStorage();
  installFetch({ 'v1/clean': () => json(CLEANED), 'v1/summaries': () => json({ title: 'API key required', code: 'missing-api-key' }, 401) });
  const d = desk();
  await d.runner.run(['summary']);
  assert.deepEqual(d.panels.summary.last(), ['fail', 'missing-api-key']);
  assert.deepEqual(d.access, ['missing-api-key']);
});

test('a task whose request gets no answer fails with network-error', async () => {
  installStorage();
  installFetch({ 'v1/clean': () => json(CLEANED), 'v1/summaries': () => new TypeError('Failed to fetch') });
  const d = desk();
  await d.runner.run(['summary']);
  assert.deepEqual(d.panels.summary.last(), ['fail', 'network-error']);
});

test('an article the cleaner refuses is a problem, and the tasks say they did not run', async () => {
  installStorage();
  const requests = installFetch({ 'v1/clean': () => json({ title: 'No Arabic article in the input', code: 'no-arabic-text' }, 422) });
  const d = desk({ raw: 'English only' });
  await d.runner.run(['summary', 'translation']);
  assert.equal(requests.length, 1);
  assert.deepEqual(d.cleaned.calls, [['begin'], ['setState', 'failed', 'Refused: No Arabic article in the input']]);
  assert.deepEqual(d.errors.list, [['Article', 'no-arabic-text']]);
  assert.deepEqual(d.panels.summary.last(), ['notRun', 'the article was refused (see Problems)']);
  assert.deepEqual(d.panels.translation.last(), ['notRun', 'the article was refused (see Problems)']);
  assert.deepEqual(d.busy, [true, false]);
});

test('cleaning that gets no answer is a Cleaning problem', async () => {
  installStorage();
  installFetch({ 'v1/clean': () => new TypeError('Failed to fetch') });
  const d = desk();
  await d.runner.run(['summary']);
  assert.deepEqual(d.cleaned.calls.at(-1), ['setState', 'failed', 'Failed']);
  assert.deepEqual(d.errors.list, [['Cleaning', 'network-error']]);
});

test('Stop while cleaning stops the run: no task is sent', async () => {
  installStorage();
  const requests = installFetch({ 'v1/clean': untilAborted });
  const d = desk();
  const running = d.runner.run(['summary']);
  assert.ok(d.runner.isRunning());
  await d.runner.run(['summary']); // a second run while one is going is ignored
  d.runner.stop();
  await running;
  assert.equal(requests.length, 1);
  assert.deepEqual(d.cleaned.calls.at(-1), ['setState', 'stopped', 'Stopped']);
  assert.deepEqual(d.panels.summary.last(), ['notRun', 'stopped']);
  assert.deepEqual(d.errors.list, []);
  assert.ok(!d.runner.isRunning());
  assert.deepEqual(d.busy, [true, false]);
});

test('Stop while a stream is being written marks it stopped, not failed', async () => {
  installStorage();
  installFetch({
    'v1/clean': () => json(CLEANED),
    'v1/summaries': (init) => new Response(new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: delta\ndata: {"text":"نص"}\n\n'));
        init.signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    }), { headers: { 'Content-Type': 'text/event-stream' } }),
  });
  const d = desk();
  const running = d.runner.run(['summary']);
  while (!d.panels.summary.text) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  d.runner.stop();
  await running;
  assert.deepEqual(d.panels.summary.calls.slice(1), [['append', 'نص'], ['stop']]);
  assert.deepEqual(d.errors.list, []);
});

test('a result made from another article is cleared; one from this article stays', async () => {
  installStorage();
  installFetch({ 'v1/clean': () => json(CLEANED), 'v1/summaries': () => eventStream([['delta', { text: 'x' }], ['done', {}]]) });
  const d = desk();
  d.panels.translation.source = JSON.stringify({ text: 'نص المقال' });
  await d.runner.run(['summary']);
  assert.deepEqual(d.panels.translation.calls, [], 'same article: the translation stays');
  d.form.raw = 'مقال آخر';
  await d.runner.run(['summary']);
  assert.deepEqual(d.panels.translation.calls, [['reset', undefined]]);
});
