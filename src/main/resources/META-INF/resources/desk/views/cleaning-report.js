// The cleaned article (repaired words marked, marks.js) and the cleaner's report: removed lines and repaired words
// grouped by rule, tokens left for the editor to check, the other changes counted, the source line.

import { renderCleanedText } from '../marks.js';
import { ruleName } from '../words.js';
import { groupBy, numbers, plural } from '../text.js';
import { $, el, textBlock } from './dom.js';

function ruleSummary(rule, count) {
  return el('summary', {}, `${ruleName(rule)} (${count}) `, el('code', { text: rule }));
}

/** Fills container with the report of POST /v1/clean. */
export function renderReport(container, report) {
  const parts = [el('h3', { text: 'What the cleaner changed' }),
    el('p', { class: 'hint', text: `${numbers.format(report.charsIn)} characters in, ${numbers.format(report.charsOut)} out.` })];
  const listed = new Set();
  const removed = groupBy(report.removedLines, 'rule');
  if (removed.size > 0) {
    parts.push(el('h4', { text: `Removed lines (${report.removedLines.length})` }));
    for (const [rule, lines] of removed) {
      listed.add(rule);
      parts.push(el('details', { open: true, class: 'removed', 'data-rule': rule }, ruleSummary(rule, lines.length),
          el('ul', {}, ...lines.map((l) => textBlock('li', l.line)))));
    }
  }
  const repaired = groupBy(report.repairedWords, 'rule');
  if (repaired.size > 0) {
    parts.push(el('h4', { text: `Repaired words (${report.repairedWords.length}), marked in the text` }));
    for (const [rule, words] of repaired) {
      listed.add(rule);
      parts.push(el('details', { open: true, class: 'repaired', 'data-rule': rule }, ruleSummary(rule, words.length),
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

/** The "Cleaned article" panel: begin() while cleaning, show(answer) with the answer of POST /v1/clean. */
export function createCleanedView() {
  const output = $('cleaned-output');
  const report = $('cleaning-report');
  const status = $('cleaned-status');
  const title = $('cleaned-title');

  function setState(state, text) {
    output.dataset.state = state;
    status.dataset.state = state;
    status.textContent = text;
  }

  const view = {
    /** The cleaned text shown: the offsets of the answers' source spans are into it. */
    text: '',
    setState,
    begin() {
      view.text = '';
      output.replaceChildren();
      report.replaceChildren();
      title.hidden = true;
      setState('waiting', 'Cleaning…');
    },
    show(answer) {
      view.text = answer.text || '';
      title.textContent = answer.title || '';
      title.hidden = !answer.title;
      const marked = renderCleanedText(output, answer.text, answer.report.repairedWords);
      renderReport(report, answer.report);
      output.dataset.marked = String(marked);
      setState('done', `Done: ${plural(marked, 'repaired word')} marked`);
    },
  };
  return view;
}
