// Every summary sentence and translation paragraph linked to the cleaned article: selecting one (click, focus, Enter)
// highlights its source span(s) there and scrolls them into view; unsupported sentences are marked and say why. An
// answer can be edited in place and checked again through POST /v1/checks (no model call): the marks and links
// then follow the edited text. The ranges and the request are computed by trace.js; this file only shows them.

import { call, problemOf, unreachableProblem } from '../api.js';
import { checkRequest, cutByRanges, describeLink, entriesOf, locateEntries, mergeRanges, spansOf, whyUnsupported }
  from '../trace.js';
import { renderCleanedText } from '../marks.js';
import { TRACE, findingExplanation } from '../words.js';
import { $, el, textBlock } from './dom.js';
import { announce } from './copy.js';

const HIGHLIGHT = 'mark.source-highlight';

function textNodes(node, into = []) {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.push(child);
    } else {
      textNodes(child, into);
    }
  }
  return into;
}

/** The highlights in the cleaned article (#cleaned-output, one <p data-start> per line, marks.js). */
export function createTracer(cleaned) {
  const output = $('cleaned-output');
  let active = null;

  function clear() {
    for (const mark of output.querySelectorAll(HIGHLIGHT)) {
      mark.replaceWith(...mark.childNodes);
    }
    output.normalize();
    if (active) {
      active.removeAttribute('aria-current');
      active = null;
    }
  }

  /** Highlights the spans for the element that asked; resolves to the number of highlighted pieces. */
  function highlight(spans, from) {
    clear();
    active = from;
    from.setAttribute('aria-current', 'true');
    const ranges = mergeRanges(cleaned.text, spans);
    const marks = [];
    for (const p of output.querySelectorAll('p[data-start]')) {
      let at = Number(p.dataset.start);
      for (const node of textNodes(p)) {
        const piece = node.data;
        const parts = cutByRanges(piece, at, ranges);
        at += piece.length;
        if (!parts.some((part) => part.highlighted)) {
          continue;
        }
        node.replaceWith(...parts.map((part) => {
          if (!part.highlighted) {
            return part.text;
          }
          const mark = el('mark', { class: 'source-highlight', 'data-testid': 'source-highlight', text: part.text });
          marks.push(mark);
          return mark;
        }));
      }
    }
    if (marks.length > 0) {
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      marks[0].scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'nearest' });
    }
    return marks.length;
  }

  /** The cleaned text a check sent back, when it is not the one shown (the offsets are into it). */
  function follow(cleaning) {
    if (cleaning && typeof cleaning.text === 'string' && cleaning.text !== cleaned.text) {
      clear();
      renderCleanedText(output, cleaning.text, cleaning.repairedWords);
      cleaned.text = cleaning.text;
    }
  }

  return { clear, highlight, follow };
}

/** The sentences or paragraphs of an answer, their notes, and editing, for one TaskPanel. */
export function attachTrace(panel, tracer, errors) {
  const { task, output } = panel;
  const status = el('p', { class: 'trace-status', role: 'status', id: `${task}-trace-status` });
  const edit = el('button', { type: 'button', id: `edit-${task}`, 'data-testid': `edit-${task}`, text: TRACE.edit });
  const check = el('button', { type: 'button', id: `check-${task}`, 'data-testid': `check-${task}`, text: TRACE.check, hidden: true });
  const cancel = el('button', { type: 'button', id: `cancel-${task}`, text: TRACE.cancel, hidden: true });
  const bar = el('div', { class: 'trace-bar', hidden: true }, edit, check, cancel, status);
  const notes = el('div', { class: 'trace-notes', id: `${task}-trace-notes`, 'data-testid': `${task}-notes`, hidden: true });
  output.after(bar, notes);
  let editor = null;
  let entries = [];

  function activate(element) {
    const entry = entries[Number(element.dataset.index)];
    const shown = tracer.highlight(spansOf(entry), element);
    const said = shown > 0 ? describeLink(task, entry) : TRACE.noSource;
    status.textContent = said;
    announce(said);
  }

  function entryElement(entry, index, text) {
    const attrs = { class: task === 'summary' ? 'sentence' : 'paragraph', role: 'button', tabindex: '0',
      'data-index': String(index) };
    if (task === 'summary') {
      attrs['data-testid'] = 'summary-sentence';
      attrs['data-supported'] = String(entry.supported !== false);
      const why = whyUnsupported(entry);
      if (why) {
        attrs.class += ' unsupported';
        attrs.title = why;
        attrs['aria-describedby'] = `${task}-why-${index}`;
      }
    } else {
      attrs['data-testid'] = 'translation-paragraph';
    }
    const element = el('span', { ...attrs, text });
    element.addEventListener('click', () => activate(element));
    element.addEventListener('focus', () => activate(element));
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        activate(element);
      }
    });
    return element;
  }

  /** The answer's text with each located sentence or paragraph as a focusable, linked element. */
  function render(text, list, findings) {
    entries = list;
    const nodes = [];
    let cursor = 0;
    for (const { start, end, index } of locateEntries(text, list)) {
      if (start > cursor) {
        nodes.push(text.slice(cursor, start));
      }
      nodes.push(entryElement(list[index], index, text.slice(start, end)));
      cursor = end;
    }
    if (cursor < text.length) {
      nodes.push(text.slice(cursor));
    }
    output.replaceChildren(...nodes);
    renderNotes(list, findings);
    status.textContent = list.length > 0 ? TRACE.linkHint : TRACE.notLinked;
  }

  function renderNotes(list, findings) {
    const parts = [];
    const unsupported = list.map((entry, index) => ({ entry, index })).filter(({ entry }) => whyUnsupported(entry));
    if (task === 'summary' && unsupported.length > 0) {
      parts.push(el('h4', { text: TRACE.notesSummary }), el('ol', {}, ...unsupported.map(({ entry, index }) =>
          el('li', { id: `${task}-why-${index}`, value: String(index + 1) }, textBlock('q', entry.text), ` — ${whyUnsupported(entry)}`))));
    }
    if (findings) {
      parts.push(el('h4', { text: findings.length ? TRACE.findings : TRACE.checked }));
      if (findings.length) {
        parts.push(el('ul', { class: 'findings' }, ...findings.map((f) => el('li', { 'data-code': f.code },
            `${findingExplanation(f.code)}${f.detail ? ': ' : '.'}`, f.detail ? textBlock('span', f.detail) : null, ' ',
            el('code', { text: f.code })))));
      }
    }
    notes.replaceChildren(...parts);
    notes.hidden = parts.length === 0;
  }

  function setEditing(on) {
    edit.hidden = on;
    check.hidden = !on;
    cancel.hidden = !on;
    panel.copyButton.disabled = on;
  }

  function stopEditing() {
    editor = null;
    setEditing(false);
  }

  edit.addEventListener('click', () => {
    editor = el('textarea', { class: 'trace-editor', id: `${task}-editor`, 'data-testid': `${task}-editor`, dir: output.dir,
      lang: output.lang, 'aria-label': TRACE.editorLabel, rows: '10' });
    editor.value = panel.text;
    tracer.clear();
    output.replaceChildren(editor);
    setEditing(true);
    editor.focus();
  });

  cancel.addEventListener('click', () => {
    stopEditing();
    render(panel.text, entries, null);
    edit.focus();
  });

  check.addEventListener('click', async () => {
    const text = editor.value;
    const { path, body } = checkRequest(task, JSON.parse(panel.source), text);
    status.textContent = TRACE.checking;
    check.disabled = true;
    let response;
    let answer;
    try {
      response = await call('POST', path, { body });
      answer = response.ok ? await response.json() : null;
    } catch (error) {
      errors.add(panel.label, unreachableProblem(error));
      return;
    } finally {
      check.disabled = false;
    }
    if (!answer) {
      const problem = await problemOf(response);
      status.textContent = `${problem.title || problem.code}`;
      errors.add(panel.label, problem);
      return;
    }
    tracer.follow(answer.cleaning);
    panel.text = text;
    stopEditing();
    render(text, entriesOf(task, answer), answer.findings || []);
    output.dataset.checked = 'true';
  });

  panel.onFinished = (result) => {
    bar.hidden = false;
    render(panel.text, entriesOf(task, result), null);
  };
  panel.onReset = () => {
    tracer.clear();
    stopEditing();
    entries = [];
    bar.hidden = true;
    notes.hidden = true;
    notes.replaceChildren();
    status.textContent = '';
    delete output.dataset.checked;
  };
}
