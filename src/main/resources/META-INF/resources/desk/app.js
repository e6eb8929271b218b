// The editor's desk: paste an Arabic article, see it cleaned, summarised in Arabic and translated into English.
// Plain ES modules, no framework, nothing loaded from anywhere but this service.

import { apiKey, rememberApiKey, call, problemOf, unreachableProblem } from './api.js';
import { readEventStream } from './sse.js';
import { renderCleanedText } from './marks.js';
import { ruleName, problemExplanation, explainWarning, engineName } from './words.js';

const $ = (id) => document.getElementById(id);
const numbers = new Intl.NumberFormat('en');

// ---------------------------------------------------------------------------------------------------------------
// Small DOM helpers (text only: nothing the service or the editor sends is ever parsed as HTML)

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      e.className = value;
    } else if (name === 'text') {
      e.textContent = value;
    } else {
      e.setAttribute(name, value === true ? '' : value);
    }
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

/** A block of text whose language is not known in advance: dir and lang follow its letters. */
function textBlock(tag, text, attrs = {}) {
  const s = String(text ?? '');
  const arabic = (s.match(ARABIC_LETTER) || []).length;
  const latin = (s.match(LATIN_LETTER) || []).length;
  const lang = arabic > latin ? { dir: 'rtl', lang: 'ar' } : latin > 0 ? { dir: 'ltr', lang: 'en' } : { dir: 'auto' };
  return el(tag, { ...lang, ...attrs, text: s });
}

function arabic(text) {
  return el('span', { lang: 'ar', dir: 'rtl', text });
}

// ---------------------------------------------------------------------------------------------------------------
// Problems: every failure is shown as the problem's title and detail, never as a blank page

function problemParts(problem) {
  const parts = [];
  const status = problem.status ? `${problem.status}` : '';
  const code = problem.code ? `${status ? ' · ' : ''}${problem.code}` : '';
  parts.push(el('strong', { class: 'problem-title', text: problem.title || 'Error' }));
  if (status || code) {
    parts.push(' ', el('span', { class: 'problem-code', text: `(${status}${code})` }));
  }
  if (problem.detail) {
    parts.push(textBlock('p', problem.detail, { class: 'problem-detail' }));
  }
  const explanation = problemExplanation(problem.code);
  if (explanation) {
    parts.push(el('p', { class: 'problem-explanation', text: explanation }));
  }
  if (Array.isArray(problem.available) && problem.available.length > 0) {
    parts.push(el('p', { class: 'problem-extra', text: `Versions there are: ${problem.available.join(', ')}` }));
  }
  if (Array.isArray(problem.violations)) {
    for (const v of problem.violations) {
      parts.push(el('p', { class: 'problem-extra', text: `${v.field}: ${v.message}` }));
    }
  }
  return parts;
}

const errors = {
  clear() {
    $('error-list').replaceChildren();
    $('error').hidden = true;
  },
  add(source, problem) {
    const item = el('li', { 'data-source': source, 'data-code': problem.code || '' },
        el('span', { class: 'problem-source', text: `${source}: ` }), ...problemParts(problem));
    $('error-list').append(item);
    $('error').hidden = false;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// API key: learnt from a 401 missing-api-key on GET /v1/prompts; kept in sessionStorage only

function showKeyPanel(problem) {
  $('key-panel').hidden = false;
  $('forget-key').hidden = !apiKey();
  const notice = $('key-notice');
  notice.className = 'notice warn';
  notice.replaceChildren(...problemParts(problem));
  if (!$('api-key').value) {
    $('api-key').focus();
  }
}

function keyAccepted() {
  if (!apiKey()) {
    return;
  }
  $('key-panel').hidden = false;
  $('forget-key').hidden = false;
  $('api-key').value = apiKey();
  const notice = $('key-notice');
  notice.className = 'notice ok';
  notice.textContent = 'Key accepted. It is kept in this tab only.';
}

function useKey() {
  const key = $('api-key').value.trim();
  if (!key) {
    $('key-notice').className = 'notice warn';
    $('key-notice').textContent = 'Enter the API key first.';
    $('api-key').focus();
    return;
  }
  rememberApiKey(key);
  errors.clear();
  loadPrompts();
}

function forgetKey() {
  rememberApiKey('');
  $('api-key').value = '';
  $('forget-key').hidden = true;
  $('key-notice').className = 'notice';
  $('key-notice').textContent = 'Key forgotten.';
}

function isAccessProblem(problem) {
  return problem.status === 401 || problem.status === 403;
}

// ---------------------------------------------------------------------------------------------------------------
// Prompt version pickers, filled from GET /v1/prompts

const PICKERS = [
  { select: 'summary-version', help: 'summary-version-help', task: 'summarize' },
  { select: 'translation-version', help: 'translation-version-help', task: 'translate' },
];
let catalogue = null;

function versionNumber(v) {
  return Number.parseInt(String(v).replace(/^v/, ''), 10) || 0;
}

function describeVersion(picker) {
  const select = $(picker.select);
  const version = select.value || (catalogue && catalogue.defaults[picker.task]);
  const info = catalogue && catalogue.prompts.find((p) => p.task === picker.task && p.version === version);
  $(picker.help).textContent = info ? `${info.version}: ${info.description}` : '';
}

function fillPickers(loaded) {
  catalogue = loaded;
  for (const picker of PICKERS) {
    const select = $(picker.select);
    const previous = select.value;
    const versions = loaded.prompts.filter((p) => p.task === picker.task)
        .sort((a, b) => versionNumber(a.version) - versionNumber(b.version));
    const fallback = loaded.defaults[picker.task];
    select.replaceChildren(new Option(fallback ? `default (${fallback})` : 'default', ''));
    for (const p of versions) {
      const label = `${p.version}${p.isDefault ? ' (default)' : ''}${p.source === 'external' ? ' · external' : ''}`;
      const option = new Option(label, p.version);
      option.title = p.description;
      select.append(option);
    }
    select.value = versions.some((p) => p.version === previous) ? previous : '';
    describeVersion(picker);
  }
}

async function loadPrompts() {
  let response;
  try {
    response = await call('GET', 'v1/prompts');
  } catch (e) {
    errors.add('Prompt versions', unreachableProblem(e));
    document.body.dataset.prompts = 'failed';
    return;
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (isAccessProblem(problem)) {
      if (problem.code === 'invalid-api-key') {
        rememberApiKey(''); // a refused key is not kept (the field still shows it, to be corrected)
      }
      showKeyPanel(problem);
      document.body.dataset.prompts = 'needs-key';
    } else {
      errors.add('Prompt versions', problem);
      document.body.dataset.prompts = 'failed';
    }
    return;
  }
  fillPickers(await response.json());
  keyAccepted();
  document.body.dataset.prompts = 'loaded';
}

// ---------------------------------------------------------------------------------------------------------------
// The article as the API takes it

const HTML_TAG = /<(?:!doctype\s+html|html|head|body|article|main|section|div|p|span|h[1-6]|br|a|ul|ol|li|table|tr|td|figure|figcaption|header|footer|nav|aside|script|style|meta|link|img|strong|em|b|i|blockquote)\b[^<>]*>/i;

function looksLikeHtml(s) {
  return HTML_TAG.test(s.slice(0, 20000));
}

function articleFields() {
  const raw = $('article').value;
  if (!raw.trim()) {
    return null;
  }
  const fields = looksLikeHtml(raw) ? { html: raw } : { text: raw };
  const title = $('title').value.trim();
  if (title) {
    fields.title = title;
  }
  return fields;
}

function describeInput() {
  const raw = $('article').value;
  const kind = $('article-kind');
  if (!raw.trim()) {
    kind.textContent = 'Paste the article as plain text (one paragraph a line) or as HTML.';
  } else if (looksLikeHtml(raw)) {
    kind.textContent = `HTML, ${numbers.format(raw.length)} characters: sent as html; khulasa extracts the article from it.`;
  } else {
    kind.textContent = `Plain text, ${numbers.format(raw.length)} characters.`;
  }
}

function taskBody(task, article) {
  if (task === 'summary') {
    const body = { ...article, length: $('length').value, format: $('format').value };
    if ($('summary-version').value) {
      body.promptVersion = $('summary-version').value;
    }
    return body;
  }
  const body = { ...article };
  if ($('translation-version').value) {
    body.promptVersion = $('translation-version').value;
  }
  return body;
}

// ---------------------------------------------------------------------------------------------------------------
// Provenance in plain words

function seconds(ms) {
  return ms < 1000 ? `${numbers.format(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function renderProvenance(container, label, provenance, { streamed, task }) {
  const list = el('dl');
  const row = (term, ...value) => list.append(el('dt', { text: term }), el('dd', {}, ...value));
  row('Model', provenance.model || 'none: no language model wrote this');
  if (provenance.engine && provenance.engine !== 'llm') {
    row('Made by', engineName(provenance.engine));
  }
  const prompts = Object.entries(provenance.prompts || {});
  row('Prompt', prompts.length ? prompts.map(([t, v]) => `${t} ${v}`).join(', ') : 'none');
  const usage = provenance.usage || {};
  row('Tokens', `${numbers.format(usage.inputTokens || 0)} in, ${numbers.format(usage.outputTokens || 0)} out`);
  const calls = provenance.llmCalls ?? 0;
  row('Model calls', `${calls}${calls > 1 ? ' (retries or a second try after a rejected answer included)' : ''}`);
  row('Time', seconds(provenance.durationMs || 0));
  row('From the cache', provenance.cached ? 'yes: a stored answer, no model call was made' : 'no');
  if (provenance.chunks) {
    row('Long article', `processed in ${provenance.chunks} parts`);
  }
  const glossary = provenance.glossary || [];
  row('Glossary entries applied', glossary.length === 0 ? 'none found in this article'
      : el('ul', {}, ...glossary.map((g) => el('li', {}, arabic(g.arabic), ' → ',
          el('span', { lang: 'en', dir: 'ltr', text: g.english }), g.kind ? ` (${g.kind})` : ''))));
  const warnings = provenance.warnings || [];
  row('Warnings', warnings.length === 0 ? 'none'
      : el('ul', { class: 'warnings' }, ...warnings.map((w) => {
        const { code, explanation, detail } = explainWarning(w);
        return el('li', { 'data-code': code }, el('span', { text: `${explanation}${detail ? ': ' : '.'}` }),
            detail ? textBlock('span', detail) : null, ' ', el('code', { text: code }));
      })));
  const checks = task === 'summary' ? 'Arabic, numbers from the article, not empty'
      : 'English, numbers from the article, not the Arabic given back, not empty, glossary names';
  row('Checks', streamed
      ? `passed when the stream ended: ${checks}`
      : `passed: ${checks}`);
  if (provenance.requestId) {
    row('Request id', el('code', { text: provenance.requestId }));
  }
  container.replaceChildren(el('h3', { text: label }), list);
}

// ---------------------------------------------------------------------------------------------------------------
// A result panel (summary or translation): idle → waiting → streaming → done | rejected | failed | stopped

const STATUS = {
  idle: 'Not run yet',
  waiting: 'Waiting for the model…',
  streaming: 'Writing…',
  done: 'Done',
  rejected: 'Rejected: do not publish',
  failed: 'Failed',
  stopped: 'Stopped: incomplete',
};

class TaskPanel {
  constructor(task, label) {
    this.task = task;
    this.label = label;
    this.output = $(`${task}-output`);
    this.status = $(`${task}-status`);
    this.verdict = $(`${task}-verdict`);
    this.copyButton = $(`copy-${task}`);
    this.provenance = $(`${task}-provenance`);
    this.titleElement = $(`${task}-title`);
    this.source = null;
    this.reset();
  }

  setState(state, extra = '') {
    this.state = state;
    this.output.dataset.state = state;
    this.status.dataset.state = state;
    this.status.textContent = STATUS[state] + extra;
    const busy = state === 'waiting' || state === 'streaming';
    this.output.setAttribute('aria-busy', String(busy));
    this.copyButton.disabled = state !== 'done' || this.text === '';
  }

  reset(note) {
    this.text = '';
    this.title = '';
    this.part = '';
    this.source = null;
    this.output.replaceChildren();
    this.verdict.hidden = true;
    this.verdict.replaceChildren();
    if (this.titleElement) {
      this.titleElement.hidden = true;
      this.titleElement.textContent = '';
    }
    this.provenance.replaceChildren(el('h3', { text: this.label }), el('p', { class: 'hint', text: note || 'Nothing yet.' }));
    this.setState('idle');
  }

  begin(source, streamed) {
    this.reset(streamed ? 'Written as it streams; the details come at the end.' : 'Waiting for the answer.');
    this.source = source;
    this.streamed = streamed;
    this.textNode = document.createTextNode('');
    this.output.append(this.textNode);
    this.setState('waiting');
  }

  notRun(reason) {
    this.reset(reason);
    this.status.textContent = `Not run: ${reason}`;
  }

  append(text) {
    if (!text) {
      return;
    }
    this.text += text;
    this.textNode.appendData(text);
    if (this.state === 'waiting') {
      this.setState('streaming', this.part || '');
    }
  }

  chunk(index, of) {
    this.part = ` (part ${index + 1} of ${of})`;
    this.setState(this.state === 'waiting' ? 'waiting' : 'streaming', this.part);
  }

  finish(result) {
    this.part = '';
    this.title = result.title || '';
    if (this.titleElement && this.title) {
      this.titleElement.textContent = this.title;
      this.titleElement.hidden = false;
    }
    if (result.provenance) {
      renderProvenance(this.provenance, this.label, result.provenance, { streamed: this.streamed, task: this.task });
    }
    if (this.text.trim() === '') {
      // A success with no text would be a blank result presented as a success: never.
      this.fail({ title: 'Empty answer', detail: 'The service reported success but sent no text.', code: 'output-empty' });
      return;
    }
    this.setState('done');
  }

  /** The stream ended with an error event: what was shown is rejected, with the reason next to it. */
  reject(problem) {
    this.part = '';
    this.showVerdict(this.text ? 'Rejected — not for publication. The service stopped this answer with an error:'
        : 'No answer:', problem);
    this.setState(this.text ? 'rejected' : 'failed');
    errors.add(this.label, problem);
  }

  fail(problem) {
    this.part = '';
    this.showVerdict(this.text ? 'Failed — the text below is incomplete and not for publication:' : 'No answer:', problem);
    this.setState('failed');
    errors.add(this.label, problem);
  }

  stop() {
    this.part = '';
    this.showVerdict('Stopped by you — the text below is incomplete.', null);
    this.setState('stopped');
  }

  showVerdict(lead, problem) {
    this.verdict.replaceChildren(el('p', { class: 'verdict-lead', text: lead }), ...(problem ? problemParts(problem) : []));
    this.verdict.hidden = false;
    if (problem) {
      this.provenance.replaceChildren(el('h3', { text: this.label }),
          el('p', { class: 'hint', text: `No provenance: ${problem.title || 'the answer failed'}.` }));
    }
  }

  /** What the copy button copies: the translation with its translated title, the summary alone. */
  copyText() {
    return this.task === 'translation' && this.title ? `${this.title}\n\n${this.text}` : this.text;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The cleaned article and the cleaner's report

const cleaned = {
  output: $('cleaned-output'),
  report: $('cleaning-report'),
  status: $('cleaned-status'),
  title: $('cleaned-title'),

  setState(state, text) {
    this.output.dataset.state = state;
    this.status.dataset.state = state;
    this.status.textContent = text;
  },

  begin() {
    this.output.replaceChildren();
    this.report.replaceChildren();
    this.title.hidden = true;
    this.setState('waiting', 'Cleaning…');
  },

  show(answer) {
    this.title.textContent = answer.title || '';
    this.title.hidden = !answer.title;
    const marked = renderCleanedText(this.output, answer.text, answer.report.repairedWords);
    renderReport(this.report, answer.report);
    this.output.dataset.marked = String(marked);
    this.setState('done', `Done: ${numbers.format(marked)} repaired word${marked === 1 ? '' : 's'} marked`);
  },
};

function groupBy(items, key) {
  const groups = new Map();
  for (const item of items || []) {
    const k = item[key];
    if (!groups.has(k)) {
      groups.set(k, []);
    }
    groups.get(k).push(item);
  }
  return groups;
}

function renderReport(container, report) {
  const parts = [el('h3', { text: 'What the cleaner changed' }),
    el('p', { class: 'hint', text: `${numbers.format(report.charsIn)} characters in, ${numbers.format(report.charsOut)} out.` })];
  const listed = new Set();
  const removed = groupBy(report.removedLines, 'rule');
  if (removed.size > 0) {
    parts.push(el('h4', { text: `Removed lines (${report.removedLines.length})` }));
    for (const [rule, lines] of removed) {
      listed.add(rule);
      parts.push(el('details', { open: true, class: 'removed', 'data-rule': rule },
          el('summary', {}, `${ruleName(rule)} (${lines.length}) `, el('code', { text: rule })),
          el('ul', {}, ...lines.map((l) => textBlock('li', l.line)))));
    }
  }
  const repaired = groupBy(report.repairedWords, 'rule');
  if (repaired.size > 0) {
    parts.push(el('h4', { text: `Repaired words (${report.repairedWords.length}), marked in the text` }));
    for (const [rule, words] of repaired) {
      listed.add(rule);
      parts.push(el('details', { open: true, class: 'repaired', 'data-rule': rule },
          el('summary', {}, `${ruleName(rule)} (${words.length}) `, el('code', { text: rule })),
          el('table', { class: 'repairs' },
              el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'As sent' }), el('th', { scope: 'col', text: 'Repaired' }))),
              el('tbody', {}, ...words.map((w) => el('tr', {}, textBlock('td', w.from), textBlock('td', w.to)))))));
    }
  }
  const flagged = report.flagged || [];
  if (flagged.length > 0) {
    parts.push(el('h4', { text: `Left as they are, please check (${flagged.length})` }));
    parts.push(el('ul', { class: 'flagged' }, ...flagged.map((f) => {
      listed.add(f.rule);
      return el('li', { 'data-rule': f.rule }, textBlock('span', f.token, { class: 'token' }), ` — ${f.reason}`);
    })));
  }
  const others = Object.entries(report.rules || {}).filter(([rule]) => !listed.has(rule));
  if (others.length > 0) {
    parts.push(el('h4', { text: 'Other changes' }),
        el('ul', {}, ...others.map(([rule, count]) => el('li', { 'data-rule': rule }, `${ruleName(rule)}: ${numbers.format(count)} `,
            el('code', { text: rule })))));
  }
  if (report.source) {
    parts.push(el('p', {}, 'Source line: ', textBlock('span', report.source)));
  }
  if (Object.keys(report.rules || {}).length === 0) {
    parts.push(el('p', { text: 'Nothing to change: the article arrived clean.' }));
  }
  container.replaceChildren(...parts);
}

// ---------------------------------------------------------------------------------------------------------------
// Running: clean first (no model call), then the chosen tasks, concurrently

const panels = {
  summary: new TaskPanel('summary', 'Summary'),
  translation: new TaskPanel('translation', 'Translation'),
};
let running = null;

function setRunning(controller) {
  running = controller;
  for (const id of ['run-summary', 'run-translation', 'run-digest']) {
    $(id).disabled = controller !== null;
  }
  $('stop').disabled = controller === null;
  document.body.classList.toggle('running', controller !== null);
}

function thrownProblem(panel, error) {
  if (error && error.name === 'AbortError') {
    panel.stop();
  } else {
    panel.fail(unreachableProblem(error));
  }
}

async function settleStream(panel, response) {
  let final = null;
  try {
    await readEventStream(response, (event) => {
      if (final) {
        return; // nothing after the last event counts
      }
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        final = { kind: 'failed', problem: { title: 'Unreadable event', detail: `The “${event.event}” event was not JSON.`, code: 'stream-unreadable' } };
        return;
      }
      if (event.event === 'delta') {
        panel.append(String(data.text ?? ''));
      } else if (event.event === 'chunk') {
        panel.chunk(data.index, data.of);
      } else if (event.event === 'done') {
        final = { kind: 'done', data };
      } else if (event.event === 'error') {
        final = { kind: 'error', problem: data };
      }
    });
  } catch (error) {
    if (!final) {
      thrownProblem(panel, error);
      return;
    }
  }
  if (final === null) {
    panel.fail({
      title: 'The answer stream was cut off',
      detail: 'The connection closed before the service sent “done” or “error”. The text shown may be incomplete: do not publish it.',
      code: 'stream-cut',
    });
  } else if (final.kind === 'done') {
    panel.finish(final.data);
  } else if (final.kind === 'error') {
    panel.reject(final.problem);
  } else {
    panel.fail(final.problem);
  }
}

async function runTask(panel, article, source, signal) {
  const streamed = $('stream').checked;
  panel.begin(source, streamed);
  let response;
  try {
    response = await call('POST', panel.task === 'summary' ? 'v1/summaries' : 'v1/translations', {
      body: taskBody(panel.task, article),
      accept: streamed ? 'text/event-stream' : 'application/json',
      signal,
    });
  } catch (error) {
    thrownProblem(panel, error);
    return;
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    panel.fail(problem);
    if (isAccessProblem(problem)) {
      showKeyPanel(problem);
    }
    return;
  }
  if ((response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
    await settleStream(panel, response);
    return;
  }
  let answer;
  try {
    answer = await response.json();
  } catch (error) {
    if (error && error.name === 'AbortError') {
      panel.stop();
    } else {
      panel.fail({ title: 'Unreadable answer', detail: 'The service’s answer was not the JSON expected.', code: 'stream-unreadable' });
    }
    return;
  }
  panel.streamed = false;
  panel.append(String(answer[panel.task] ?? ''));
  panel.finish(answer);
}

async function cleanArticle(article, signal) {
  cleaned.begin();
  let response;
  try {
    response = await call('POST', 'v1/clean', { body: article, signal });
  } catch (error) {
    if (error && error.name === 'AbortError') {
      cleaned.setState('stopped', 'Stopped');
    } else {
      cleaned.setState('failed', 'Failed');
      errors.add('Cleaning', unreachableProblem(error));
    }
    return null;
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    cleaned.setState('failed', `Refused: ${problem.title || 'error'}`);
    errors.add('Article', problem);
    if (isAccessProblem(problem)) {
      showKeyPanel(problem);
    }
    return null;
  }
  const answer = await response.json();
  cleaned.show(answer);
  return answer;
}

async function run(tasks) {
  if (running) {
    return;
  }
  errors.clear();
  const article = articleFields();
  if (!article) {
    errors.add('Article', { title: 'No article', detail: 'Paste the article’s text or HTML first.', code: 'blank-article' });
    $('article').focus();
    return;
  }
  const source = JSON.stringify(article);
  // A result made from another article must not sit next to this one.
  for (const panel of Object.values(panels)) {
    if (!tasks.includes(panel.task) && panel.source !== source) {
      panel.reset();
    }
  }
  const controller = new AbortController();
  setRunning(controller);
  bringOutputsIntoView();
  try {
    const answer = await cleanArticle(article, controller.signal);
    if (!answer) {
      for (const task of tasks) {
        panels[task].notRun(controller.signal.aborted ? 'stopped' : 'the article was refused (see Problems)');
      }
      return;
    }
    await Promise.all(tasks.map((task) => runTask(panels[task], article, source, controller.signal)));
  } finally {
    setRunning(null);
  }
}

/** On a laptop the form fills the screen: show the results (and any problem) as they come. */
function bringOutputsIntoView() {
  const outputs = $('outputs');
  if (outputs.getBoundingClientRect().top > window.innerHeight * 0.4) {
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    outputs.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
  }
}

function stop() {
  if (running) {
    running.abort();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Copying

function announce(message) {
  $('copy-announcer').textContent = message;
}

async function copy(panel) {
  const text = panel.copyText();
  const button = panel.copyButton;
  let copied = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      copied = true;
    }
  } catch {
    copied = false;
  }
  if (!copied) {
    // Plain http on a newsroom LAN is not a secure context: no Clipboard API there.
    const scratch = el('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
    scratch.value = text;
    document.body.append(scratch);
    scratch.select();
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    scratch.remove();
  }
  const label = button.textContent;
  button.textContent = copied ? 'Copied' : 'Copy failed';
  announce(copied ? `${panel.label} copied` : `Could not copy the ${panel.label.toLowerCase()}: select it and copy by hand`);
  setTimeout(() => {
    button.textContent = label;
  }, 2000);
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring

$('article-form').addEventListener('submit', (event) => event.preventDefault());
$('run-summary').addEventListener('click', () => run(['summary']));
$('run-translation').addEventListener('click', () => run(['translation']));
$('run-digest').addEventListener('click', () => run(['summary', 'translation']));
$('stop').addEventListener('click', stop);
$('copy-summary').addEventListener('click', () => copy(panels.summary));
$('copy-translation').addEventListener('click', () => copy(panels.translation));
$('use-key').addEventListener('click', useKey);
$('forget-key').addEventListener('click', forgetKey);
$('api-key').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    useKey();
  }
});
$('article').addEventListener('input', describeInput);
for (const picker of PICKERS) {
  $(picker.select).addEventListener('change', () => describeVersion(picker));
}
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run(['summary', 'translation']);
  } else if (event.key === 'Escape' && running) {
    stop();
  }
});

describeInput();
if (apiKey()) {
  $('api-key').value = apiKey();
}
loadPrompts();
