// Problems: every failure is shown as the problem's title and detail (and what the editor can make of its code),
// never as a blank page. The "Problems" list at the top of the outputs, and the parts other views show a problem with.

import { problemExplanation } from '../words.js';
import { $, el, textBlock } from './dom.js';

/** A problem as nodes: title, (status · code), detail, the editor's explanation, available versions, violations. */
export function problemParts(problem) {
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

/** The "Problems" list (#error): one item per problem, naming where it came from (Article, Summary…). */
export function createErrorList() {
  const section = $('error');
  const list = $('error-list');
  return {
    clear() {
      list.replaceChildren();
      section.hidden = true;
    },
    add(source, problem) {
      list.append(el('li', { 'data-source': source, 'data-code': problem.code || '' },
          el('span', { class: 'problem-source', text: `${source}: ` }), ...problemParts(problem)));
      section.hidden = false;
    },
  };
}
