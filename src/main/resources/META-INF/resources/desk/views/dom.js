// Small DOM helpers for the views. Text only: nothing the service or the editor sends is ever parsed as HTML.

import { languageOf } from '../text.js';

export const $ = (id) => document.getElementById(id);

/** An element: attrs (class, text, or any attribute; true → present, false/null/undefined → absent), then children. */
export function el(tag, attrs = {}, ...children) {
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

/** A block of text whose language is not known in advance: dir and lang follow its letters. */
export function textBlock(tag, text, attrs = {}) {
  return el(tag, { ...languageOf(text), ...attrs, text: String(text ?? '') });
}

/** An Arabic phrase inside English text. */
export function arabic(text) {
  return el('span', { lang: 'ar', dir: 'rtl', text });
}
