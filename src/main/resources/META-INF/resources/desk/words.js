// Plain words for the codes the service returns: cleaning rules, problem codes and provenance warnings. A code the
// page does not know is still shown, as the service wrote it.

/** Cleaning rule → what it means to an editor. */
export const CLEANING_RULES = {
  'duplicate-title': 'Title repeated in the body',
  byline: 'Byline or site credit',
  'related-link': '“Read also” and related links',
  'follow-prompt': 'Follow-us and share prompts',
  advertisement: 'Advertisements',
  'separator-line': 'Separator lines',
  'source-line': 'Source line (kept as the source)',
  'html-boilerplate': 'Page furniture (menus, footers, scripts)',
  whitespace: 'Extra blank lines and spaces',
  'split-word': 'Words split to dodge filters, joined again',
  tatweel: 'Tatweel (ـ) stretching removed',
  mojibake: 'Garbled encoding repaired',
  'persian-letters': 'Persian letter forms replaced by Arabic ones',
  'presentation-forms': 'Arabic presentation forms replaced by ordinary letters',
  'format-characters': 'Invisible formatting characters removed',
  'space-characters': 'Unusual spaces made ordinary spaces',
  'unicode-nfc': 'Letters and marks normalised (Unicode NFC)',
  'dot-between-words': 'A dot between two words (left as it is)',
};

export function ruleName(rule) {
  return CLEANING_RULES[rule] || rule;
}

/** Problem code → what the editor can make of it (the problem's own title and detail are always shown too). */
const PROBLEMS = {
  'llm-truncated': 'The model stopped at its output limit: the text is cut off and incomplete.',
  'llm-upstream-error': 'The language model server kept failing. Try again later, or tell the service’s operator.',
  'llm-unreachable': 'khulasa cannot reach its language model. Tell the service’s operator.',
  'llm-timeout': 'The language model took too long to answer. A shorter article or a later try may work.',
  'llm-rate-limited': 'The language model is limiting how often khulasa may call it. Wait a little and try again.',
  'llm-circuit-open': 'The language model failed repeatedly, so calls are paused for a while. Try again later.',
  'llm-saturated': 'khulasa is busy with other requests. Try again in a moment.',
  'llm-malformed-response': 'The language model sent an answer khulasa could not read.',
  'llm-empty-completion': 'The language model sent an empty answer.',
  'llm-request-rejected': 'The language model refused the request (its key or model name is wrong). Tell the service’s operator.',
  'output-wrong-language': 'The answer was not in the expected language, even after the model was asked a second time.',
  'output-number-mismatch': 'The answer contained numbers that are not in the article, even after the model was asked a second time.',
  'output-echo': 'The “translation” gave the Arabic text back instead of translating it.',
  'output-empty': 'The model’s answer was empty.',
  'no-arabic-text': 'No Arabic article was found in what you pasted.',
  'mojibake-unrepairable': 'The text is garbled (read with the wrong character encoding) beyond repair. Copy it again from the source.',
  'article-too-large': 'The article is longer than this service accepts.',
  'request-too-large': 'The article is longer than this service accepts.',
  'blank-article': 'The article is empty.',
  'missing-api-key': 'This service needs an API key: enter it in the API key field.',
  'invalid-api-key': 'The API key is not one this service knows: check it and enter it again in the API key field.',
  'rate-limited': 'Too many requests with this key in the last minute. Wait a little and try again.',
  'unknown-prompt-version': 'That prompt version does not exist on this service.',
  'network-error': 'Check that the service is running and that this computer can reach it.',
  'stream-cut': 'The connection closed before the service said the answer was complete, so the text may be incomplete.',
  'stream-unreadable': 'The service sent an event the page could not read.',
};

export function problemExplanation(code) {
  return PROBLEMS[code] || '';
}

/** Provenance warning code → explanation. Warnings are "code: detail". */
const WARNINGS = {
  'output-missing-names': 'A house glossary rendering is missing from the translation. Check these names before publishing',
  'output-reprompted': 'The model’s first answer failed a check, so it was asked once more; the answer shown passed the checks',
  'extractive-fallback': 'The language model was unavailable, so the summary is made of sentences copied from the article',
};

export function explainWarning(warning) {
  const text = String(warning);
  const colon = text.indexOf(': ');
  const code = colon > 0 ? text.slice(0, colon) : text;
  const detail = colon > 0 ? text.slice(colon + 2) : '';
  return { code, explanation: WARNINGS[code] || 'The service reported', detail };
}

const ENGINES = {
  llm: 'language model',
  extractive: 'extractive: sentences copied from the article, no language model',
  mixed: 'mixed: extractive summary, translation by the language model',
};

export function engineName(engine) {
  return ENGINES[engine] || engine;
}
