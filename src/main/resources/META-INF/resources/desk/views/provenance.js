// How an answer was made, in plain words: model, prompt, tokens, calls, time, cache, parts, glossary, warnings, checks.

import { engineName, explainWarning } from '../words.js';
import { numbers, seconds } from '../text.js';
import { arabic, el, textBlock } from './dom.js';

const CHECKS = {
  summary: 'Arabic, numbers from the article, not empty',
  translation: 'English, numbers from the article, not the Arabic given back, not empty, glossary names',
};

/** Fills container with label's provenance; streamed says the checks ran when the stream ended. */
export function renderProvenance(container, label, provenance, { streamed, task }) {
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
  const checks = CHECKS[task] || CHECKS.translation;
  row('Checks', streamed ? `passed when the stream ended: ${checks}` : `passed: ${checks}`);
  if (provenance.requestId) {
    row('Request id', el('code', { text: provenance.requestId }));
  }
  container.replaceChildren(el('h3', { text: label }), list);
}
