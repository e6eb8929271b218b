// Copying an answer: the Clipboard API where the page is a secure context, a hidden textarea and "copy" otherwise
// (plain http on a newsroom LAN is not a secure context), and a spoken confirmation for screen readers.

import { $, el } from './dom.js';

/** Resolves to whether the text reached the clipboard. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused: try the old way
  }
  const scratch = el('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
  scratch.value = text;
  document.body.append(scratch);
  scratch.select();
  let copied;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  scratch.remove();
  return copied;
}

/** Said by screen readers (a polite live region), not shown. */
export function announce(message) {
  $('copy-announcer').textContent = message;
}
