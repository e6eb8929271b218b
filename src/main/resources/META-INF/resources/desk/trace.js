// Tracing an answer back to the article: which ranges of the cleaned article to highlight for a summary sentence
// (its `sources`) or a translation paragraph (its `source`), where each sentence or paragraph sits in the answer's
// text, and the request that checks an edited answer again (POST /v1/checks). No DOM here: unit-tested in Node.
//
// Offsets are the service's: UTF-16 indexes into the cleaned text exactly as POST /v1/clean returns it, which is
// what JavaScript strings count too. The service's spans are never trusted blindly: they are clamped to the text,
// never cut an astral character (an emoji is two UTF-16 units) in half, and overlapping spans are merged.

import { TRACE } from './words.js';

function isHigh(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A span clamped to [0, text length], widened so it never splits a surrogate pair; null when not a usable span. */
export function clampSpan(text, span) {
  if (!span || !Number.isFinite(span.start) || !Number.isFinite(span.end)) {
    return null;
  }
  const s = String(text ?? '');
  let start = Math.max(0, Math.min(s.length, Math.trunc(span.start)));
  let end = Math.max(0, Math.min(s.length, Math.trunc(span.end)));
  if (end <= start) {
    return null;
  }
  if (start > 0 && isLow(s.charCodeAt(start)) && isHigh(s.charCodeAt(start - 1))) {
    start--;
  }
  if (end < s.length && isLow(s.charCodeAt(end)) && isHigh(s.charCodeAt(end - 1))) {
    end++;
  }
  return { start, end };
}

/** The spans as disjoint ranges over text, in order: clamped, empty ones dropped, overlapping or touching ones merged. */
export function mergeRanges(text, spans) {
  const ranges = (spans || []).map((span) => clampSpan(text, span)).filter(Boolean).sort((a, b) => a.start - b.start);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

/**
 * A piece of text that starts at offset `at` of the article, cut at the edges of the ranges: [{text, highlighted}],
 * in order, the pieces' texts joined being the piece itself. What the view does to each text node of the article.
 */
export function cutByRanges(piece, at, ranges) {
  const end = at + piece.length;
  const parts = [];
  let cursor = at;
  for (const r of ranges) {
    if (r.end <= cursor || r.start >= end) {
      continue;
    }
    const from = Math.max(r.start, cursor);
    const to = Math.min(r.end, end);
    if (from > cursor) {
      parts.push({ text: piece.slice(cursor - at, from - at), highlighted: false });
    }
    parts.push({ text: piece.slice(from - at, to - at), highlighted: true });
    cursor = to;
  }
  if (cursor < end) {
    parts.push({ text: piece.slice(cursor - at), highlighted: false });
  }
  return parts;
}

/**
 * Where each line of the cleaned text starts, for the lines the cleaned view shows (one paragraph per non-blank
 * line): [{start, line}].
 */
export function lineOffsets(text) {
  const lines = [];
  let start = 0;
  for (const line of String(text ?? '').split('\n')) {
    if (line.trim() !== '') {
      lines.push({ start, line });
    }
    start += line.length + 1;
  }
  return lines;
}

/** The article spans an entry points to: a summary sentence's `sources`, a translation paragraph's `source`. */
export function spansOf(entry) {
  if (!entry) {
    return [];
  }
  if (Array.isArray(entry.sources)) {
    return entry.sources;
  }
  return entry.source ? [entry.source] : [];
}

/**
 * Where each entry's text sits in the answer's text, in order: [{start, end, index}]. An entry whose text is not
 * found after the previous one (the service trimmed or rewrote it) is left out, never guessed.
 */
export function locateEntries(text, entries) {
  const s = String(text ?? '');
  const found = [];
  let cursor = 0;
  (entries || []).forEach((entry, index) => {
    const needle = String(entry && entry.text ? entry.text : '').trim();
    if (!needle) {
      return;
    }
    const at = s.indexOf(needle, cursor);
    if (at < 0) {
      return;
    }
    found.push({ start: at, end: at + needle.length, index });
    cursor = at + needle.length;
  });
  return found;
}

/** The answer's entries: `sentences` of a summary, `paragraphs` of a translation (digest names too); [] when none. */
export function entriesOf(task, answer) {
  if (!answer) {
    return [];
  }
  const list = task === 'summary' ? answer.sentences ?? answer.summarySentences : answer.paragraphs ?? answer.translationParagraphs;
  return Array.isArray(list) ? list : [];
}

/** POST /v1/checks for an edited answer: the article as it was run, the edited text, the cleaned text asked back. */
export function checkRequest(task, article, text) {
  return { path: 'v1/checks', body: { ...article, [task]: text, includeCleanedText: true } };
}

/** Why a summary sentence is marked, in the editor's words; '' for a supported one. */
export function whyUnsupported(sentence) {
  if (!sentence || sentence.supported !== false) {
    return '';
  }
  const score = Number.isFinite(sentence.score) ? ` (${Math.round(sentence.score * 100)} %)` : '';
  return spansOf(sentence).length > 0 ? `${TRACE.unsupported}${score}. ${TRACE.closest}` : `${TRACE.unsupported}${score}.`;
}

/** What a click on an entry says (for screen readers and the status line). */
export function describeLink(task, entry) {
  const n = spansOf(entry).length;
  if (n === 0) {
    return TRACE.noSource;
  }
  return task === 'summary' ? `${TRACE.sentenceSources} ${n === 1 ? '1 passage' : `${n} passages`}` : TRACE.paragraphSource;
}
