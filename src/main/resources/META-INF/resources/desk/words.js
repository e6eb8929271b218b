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
  // HTML pages: blocks of the page around the article, one removed block each
  'outside-article': 'Page parts outside the article (header, menus, sidebars, footer)',
  navigation: 'Navigation and menus',
  sidebar: 'Sidebars and boxes beside the article',
  'page-footer': 'Page footer',
  'link-list': 'Lists of links (most read, related stories)',
  breadcrumb: 'Breadcrumb trail (Home › News › …)',
  dateline: 'Date and time lines',
  'image-credit': 'Picture credits (agency, photographer)',
  'image-caption': 'Picture captions',
  'embedded-post': 'Embedded social media posts',
  disclaimer: 'Publisher’s disclaimer',
  pager: 'Next and previous story links',
  tags: 'Tags and keywords',
  comments: 'Comments and comment rules',
  copyright: 'Copyright notice',
  'hidden-element': 'Text hidden from readers on the page',
};

export function ruleName(rule) {
  return CLEANING_RULES[rule] || rule;
}

/** Problem code → what the editor can make of it (the problem's own title and detail are always shown too). */
export const PROBLEMS = {
  // the request as the page sent it (a page or client bug rather than something the editor did)
  'malformed-json': 'The page sent a request the service could not read. Reload the page and try again.',
  'invalid-utf8': 'The text was not valid UTF-8. Copy it again from the source.',
  'missing-body': 'The page sent an empty request. Reload the page and try again.',
  'bad-request': 'The service could not use the request as sent. Reload the page and try again.',
  'missing-article': 'No article was sent: paste its text or HTML first.',
  'missing-output': 'There is no summary or translation to check.',
  'ambiguous-article': 'Both text and HTML were sent for one article; send only one of them.',
  'title-too-long': 'The title is too long: put only the headline in the title field, the article below it.',
  'invalid-field-type': 'An option was sent in the wrong form. Reload the page and try again.',
  'invalid-field-value': 'An option has a value this service does not accept.',
  'unknown-field': 'The page sent an option this service does not know: it may be older than the page. Reload the page.',
  'invalid-request': 'The request is not valid: the details below say which part.',
  'invalid-prompt-version': 'That prompt version is not written as a version (v1, v2, …).',
  'invalid-glossary': 'A glossary entry is not valid: the details below name it.',
  // batches and jobs (the API; the desk runs one article at a time)
  'missing-articles': 'No articles were given for the batch.',
  'empty-batch': 'The batch has no articles.',
  'missing-id': 'An article of the batch or job has no id.',
  'duplicate-id': 'Two articles of the batch or job have the same id.',
  'missing-task': 'The job does not say what to do (summary, translation or both).',
  'empty-job': 'The job has no articles.',
  'malformed-message': 'A message on the job queue could not be read.',
  'unknown-job': 'There is no such job (or it is older than the service keeps jobs).',
  'job-cancelled': 'The job was cancelled.',
  'batch-too-large': 'The batch has more articles, or more text, than this service accepts at once.',
  'job-too-large': 'The job has more articles, or more text, than this service accepts at once.',
  'jobs-unavailable': 'The job queue is not available right now. Try again later, or tell the service’s operator.',
  // the HTTP exchange itself
  'not-found': 'The service has no such address: the page may be older than the service. Reload the page.',
  'method-not-allowed': 'The service does not take this kind of request at that address. Reload the page.',
  'not-acceptable': 'The service cannot answer in the form the page asked for. Reload the page.',
  'unsupported-media-type': 'The service cannot read the form the page sent. Reload the page.',
  'internal-error': 'Something went wrong inside khulasa. Try again; if it happens again, tell the service’s operator (with the request id).',
  // the language model
  'llm-context-exceeded': 'The article is too long for the language model, even in parts. Try a shorter article.',
  'llm-stream-broken': 'The language model’s answer broke off while it was being written. Try again.',
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
  'output-unsupported': 'A sentence of the summary is not supported by the article, even after the model was asked a second time (strict mode).',
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
export const WARNINGS = {
  'output-missing-names': 'A house glossary rendering is missing from the translation. Check these names before publishing',
  'output-reprompted': 'The model’s first answer failed a check, so it was asked once more; the answer shown passed the checks',
  'extractive-fallback': 'The language model was unavailable, so the summary is made of sentences copied from the article',
  'title-missing': 'The translation came without a title line, so it is shown without a title',
  'unsupported-sentence': 'Some sentences of the summary were not found in the article (marked in the summary)',
  'paragraph-number-mismatch': 'A paragraph of the translation has a number that is not in its source paragraph',
  'untranslated-paragraph': 'Some paragraphs of the article have no paragraph in the translation',
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

/** Tracing an answer to the article (trace.js, views/trace.js): what the marks and the check say. */
export const TRACE = {
  unsupported: 'Not found in the article: check this sentence before publishing',
  closest: 'The closest passages are highlighted',
  noSource: 'No passage of the article was found for this',
  sentenceSources: 'Highlighted in the cleaned article:',
  paragraphSource: 'Its source paragraph is highlighted in the cleaned article',
  linkHint: 'Select a sentence or paragraph (click, or Tab then Enter) to highlight its source in the cleaned article.',
  edit: 'Edit',
  check: 'Check again',
  cancel: 'Cancel',
  checking: 'Checking…',
  checked: 'Checked: every check passed',
  findings: 'Checked; what the checks found',
  notLinked: 'Not linked: run the task, or check the edited text again',
  editorLabel: 'Edit the text, then check it again against the article',
  notesSummary: 'Sentences not found in the article',
};

/** Check finding codes that are not problems of the service (POST /v1/checks) → explanation. */
export const FINDINGS = {
  'paragraph-number-mismatch': 'A paragraph has a number that is not in its source paragraph',
  'untranslated-paragraph': 'A paragraph of the article has no paragraph in the translation',
  'output-missing-names': 'A house glossary rendering is missing from the translation',
};

/** What a finding of POST /v1/checks means: its own wording, else the problem's of the same code, else the code. */
export function findingExplanation(code) {
  return FINDINGS[code] || PROBLEMS[code] || code;
}
