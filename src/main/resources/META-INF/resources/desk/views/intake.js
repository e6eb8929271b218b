// The intake form: the pasted article, its title and the options of a run (the pickers are their own view).

import { describeArticle } from '../article.js';
import { $ } from './dom.js';

/** pickers: the version pickers view (views/pickers.js), asked for the chosen versions. */
export function createIntake(pickers) {
  const article = $('article');
  const describe = () => {
    $('article-kind').textContent = describeArticle(article.value);
  };
  article.addEventListener('input', describe);
  describe();

  return {
    raw: () => article.value,
    title: () => $('title').value,
    /** {stream, length, format, versions: {summary, translation}}, as article.js's taskRequest takes them. */
    options: () => ({
      stream: $('stream').checked,
      length: $('length').value,
      format: $('format').value,
      versions: pickers.versions(),
    }),
    focusArticle: () => article.focus(),
  };
}
