// The article and the task requests as the API takes them. No DOM here: the intake view reads the form and hands
// its values to these functions, which are unit-tested in Node (src/test/js).

import { numbers } from './text.js';

const HTML_TAG = /<(?:!doctype\s+html|html|head|body|article|main|section|div|p|span|h[1-6]|br|a|ul|ol|li|table|tr|td|figure|figcaption|header|footer|nav|aside|script|style|meta|link|img|strong|em|b|i|blockquote)\b[^<>]*>/i;

/** Whether pasted text is a page (or part of one) rather than plain text: a known HTML tag in its first 20,000 characters. */
export function looksLikeHtml(s) {
  return HTML_TAG.test(String(s).slice(0, 20000));
}

/** The article fields of a request ({text} or {html}, and title when given), or null when nothing was pasted. */
export function articleFields(raw, title) {
  if (!String(raw).trim()) {
    return null;
  }
  const fields = looksLikeHtml(raw) ? { html: raw } : { text: raw };
  const trimmedTitle = String(title ?? '').trim();
  if (trimmedTitle) {
    fields.title = trimmedTitle;
  }
  return fields;
}

/** What the hint under the article field says about what was pasted. */
export function describeArticle(raw) {
  if (!String(raw).trim()) {
    return 'Paste the article as plain text (one paragraph a line) or as HTML.';
  }
  if (looksLikeHtml(raw)) {
    return `HTML, ${numbers.format(raw.length)} characters: sent as html; khulasa extracts the article from it.`;
  }
  return `Plain text, ${numbers.format(raw.length)} characters.`;
}

const PATHS = { summary: 'v1/summaries', translation: 'v1/translations' };

/**
 * The request of one task: its path and body. options: {length, format, versions: {summary, translation}}; an empty
 * version means the service's default, so it is left out.
 */
export function taskRequest(task, article, options) {
  const body = task === 'summary' ? { ...article, length: options.length, format: options.format } : { ...article };
  const version = (options.versions || {})[task];
  if (version) {
    body.promptVersion = version;
  }
  return { path: PATHS[task], body };
}
