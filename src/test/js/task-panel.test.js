// The task panel's states, run in Node on the small fake DOM (the browser tests, EditorDeskIT, show them on the page).
import test from 'node:test';
import assert from 'node:assert/strict';

import { installDocument } from './fake-dom.js';
import { TaskPanel } from '../../main/resources/META-INF/resources/desk/views/task-panel.js';

function panel(task = 'summary') {
  const page = installDocument();
  const errors = { list: [], add(source, problem) { this.list.push([source, problem.code]); } };
  const p = new TaskPanel(task, task === 'summary' ? 'Summary' : 'Translation', errors);
  return { p, errors, status: page.get(`${task}-status`), output: page.get(`${task}-output`),
    copy: page.get(`copy-${task}`), verdict: page.get(`${task}-verdict`), provenance: page.get(`${task}-provenance`),
    title: page.get(`${task}-title`) };
}

test('a new panel is idle: nothing to copy, no provenance yet', () => {
  const { p, status, output, copy, provenance, verdict } = panel();
  assert.equal(p.state, 'idle');
  assert.equal(status.textContent, 'Not run yet');
  assert.equal(output.dataset.state, 'idle');
  assert.equal(copy.disabled, true);
  assert.equal(verdict.hidden, true);
  assert.equal(provenance.textContent, 'SummaryNothing yet.');
});

test('waiting → streaming (with the part being written) → done, then it can be copied', () => {
  const { p, status, output, copy, provenance } = panel();
  p.begin('{"text":"x"}', true);
  assert.equal(status.textContent, 'Waiting for the model…');
  assert.equal(output.getAttribute('aria-busy'), 'true');
  p.chunk(0, 3);
  assert.equal(status.textContent, 'Waiting for the model… (part 1 of 3)');
  p.append('ملخص ');
  assert.equal(p.state, 'streaming');
  assert.equal(status.textContent, 'Writing… (part 1 of 3)');
  p.chunk(1, 3);
  p.append('قصير');
  assert.equal(status.textContent, 'Writing… (part 2 of 3)');
  assert.equal(copy.disabled, true, 'nothing is copied before the answer is done');
  p.finish({ provenance: { model: 'qwen', usage: { inputTokens: 1200, outputTokens: 40 }, llmCalls: 1, durationMs: 2500 } });
  assert.equal(p.state, 'done');
  assert.equal(status.textContent, 'Done');
  assert.equal(output.textContent, 'ملخص قصير');
  assert.equal(output.getAttribute('aria-busy'), 'false');
  assert.equal(copy.disabled, false);
  assert.match(provenance.textContent, /Modelqwen/);
  assert.match(provenance.textContent, /Tokens1,200 in, 40 out/);
  assert.match(provenance.textContent, /passed when the stream ended: Arabic/);
  assert.equal(p.copyText(), 'ملخص قصير');
});

test('a success with no text is a failure, never a blank done', () => {
  const { p, errors, copy } = panel();
  p.begin('s', false);
  p.finish({ provenance: { model: 'm' } });
  assert.equal(p.state, 'failed');
  assert.deepEqual(errors.list, [['Summary', 'output-empty']]);
  assert.equal(copy.disabled, true);
});

test('an error after text is rejected (not for publication); before any text it is failed', () => {
  const { p, errors, verdict, status, provenance } = panel();
  p.begin('s', true);
  p.append('نص');
  p.reject({ title: 'Numbers not in the article', code: 'output-number-mismatch', status: 502 });
  assert.equal(p.state, 'rejected');
  assert.equal(status.textContent, 'Rejected: do not publish');
  assert.equal(verdict.hidden, false);
  assert.match(verdict.textContent, /^Rejected — not for publication/);
  assert.match(verdict.textContent, /\(502 · output-number-mismatch\)/);
  assert.equal(provenance.textContent, 'SummaryNo provenance: Numbers not in the article.');
  assert.deepEqual(errors.list, [['Summary', 'output-number-mismatch']]);

  p.begin('s', true);
  assert.equal(verdict.hidden, true, 'a new run clears the verdict');
  p.reject({ title: 'Timeout', code: 'llm-timeout' });
  assert.equal(p.state, 'failed');
  assert.match(verdict.textContent, /^No answer:/);
});

test('a failure after text says the text is incomplete; Stop says it was the editor', () => {
  const { p, verdict, errors } = panel();
  p.begin('s', true);
  p.append('نص');
  p.fail({ title: 'The answer stream was cut off', code: 'stream-cut' });
  assert.equal(p.state, 'failed');
  assert.match(verdict.textContent, /^Failed — the text below is incomplete/);
  p.begin('s', true);
  p.append('نص');
  p.stop();
  assert.equal(p.state, 'stopped');
  assert.equal(verdict.textContent, 'Stopped by you — the text below is incomplete.');
  assert.equal(errors.list.length, 1, 'Stop is not a problem');
});

test('the translation is copied with its title; a panel not run says why', () => {
  const { p, title, status } = panel('translation');
  p.begin('s', false);
  p.append('The text.');
  p.finish({ title: 'The title', provenance: { model: 'm' } });
  assert.equal(title.hidden, false);
  assert.equal(title.textContent, 'The title');
  assert.equal(p.copyText(), 'The title\n\nThe text.');
  p.notRun('stopped');
  assert.equal(status.textContent, 'Not run: stopped');
  assert.equal(title.hidden, true);
  assert.equal(p.state, 'idle');
});
