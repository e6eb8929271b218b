// The cleaned article with the cleaner's word repairs made visible. The report says which words were repaired
// (from → to) but not where, so every whole-word occurrence of a repaired word's cleaned form is marked, with its
// original form(s) on hover and focus. Everything is built with text nodes: pasted text is never parsed as HTML.

import { ruleName } from './words.js';

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** repaired word (cleaned form) → {from: [original forms], rules: [rule names]} */
export function repairsByCleanedForm(repairedWords) {
  const repairs = new Map();
  for (const w of repairedWords || []) {
    if (!w || !w.to || w.to === w.from) {
      continue;
    }
    const entry = repairs.get(w.to) || { from: [], rules: [] };
    if (!entry.from.includes(w.from)) {
      entry.from.push(w.from);
    }
    if (!entry.rules.includes(w.rule)) {
      entry.rules.push(w.rule);
    }
    repairs.set(w.to, entry);
  }
  return repairs;
}

/** A regular expression matching every cleaned form as a whole word (not inside a longer word), or null. */
export function repairedWordPattern(repairs) {
  const forms = [...repairs.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (forms.length === 0) {
    return null;
  }
  return new RegExp(`(?<!${WORD_CHAR})(?:${forms.join('|')})(?!${WORD_CHAR})`, 'gu');
}

function markFor(word, repair) {
  const mark = document.createElement('mark');
  mark.className = 'repair';
  mark.tabIndex = 0; // focusable, so touch and keyboard users can see the original too
  const originals = repair.from.map((f) => `«${f}»`).join(' or ');
  const tip = `${originals} → «${word}» (${repair.rules.map(ruleName).join(', ')})`;
  mark.title = tip;
  mark.dataset.tip = tip;
  mark.dataset.original = repair.from.join(' | ');
  mark.textContent = word;
  return mark;
}

/**
 * Fills the container with the cleaned text, one paragraph per line, repaired words marked.
 *
 * @returns the number of marked occurrences
 */
export function renderCleanedText(container, text, repairedWords) {
  container.replaceChildren();
  const repairs = repairsByCleanedForm(repairedWords);
  const pattern = repairedWordPattern(repairs);
  let marked = 0;
  let start = 0; // where the line starts in text: the offsets of the service's source spans (views/trace.js)
  for (const line of String(text || '').split('\n')) {
    const lineStart = start;
    start += line.length + 1;
    if (line.trim() === '') {
      continue;
    }
    const p = document.createElement('p');
    p.dataset.start = String(lineStart);
    if (pattern) {
      let last = 0;
      pattern.lastIndex = 0;
      for (const match of line.matchAll(pattern)) {
        if (match.index > last) {
          p.append(line.slice(last, match.index));
        }
        p.append(markFor(match[0], repairs.get(match[0])));
        marked++;
        last = match.index + match[0].length;
      }
      if (last < line.length) {
        p.append(line.slice(last));
      }
    } else {
      p.textContent = line;
    }
    container.append(p);
  }
  return marked;
}
