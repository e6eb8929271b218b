import test from 'node:test';
import assert from 'node:assert/strict';

import { isAccessProblem, loadCatalogue, pickerChoices, versionHelp } from '../../main/resources/META-INF/resources/desk/catalogue.js';
import { apiKey, rememberApiKey } from '../../main/resources/META-INF/resources/desk/api.js';
import { CATALOGUE, installFetch, installStorage, json } from './fakes.js';

test('a picker offers the default (named), then the task\'s versions in version order, v2 before v10', () => {
  assert.deepEqual(pickerChoices(CATALOGUE, 'summarize'), [
    { label: 'default (v2)', value: '', title: '' },
    { label: 'v1', value: 'v1', title: 'first' },
    { label: 'v2 (default)', value: 'v2', title: 'two' },
    { label: 'v10 · external', value: 'v10', title: 'ten' },
  ]);
  assert.deepEqual(pickerChoices(CATALOGUE, 'translate').map((c) => c.label), ['default (v1)', 'v1 (default)']);
  assert.deepEqual(pickerChoices({ defaults: {}, prompts: [] }, 'translate'), [{ label: 'default', value: '', title: '' }]);
});

test('the line under a picker describes the chosen version, or the default when none is chosen', () => {
  assert.equal(versionHelp(CATALOGUE, 'summarize', 'v10'), 'v10: ten');
  assert.equal(versionHelp(CATALOGUE, 'summarize', ''), 'v2: two');
  assert.equal(versionHelp(CATALOGUE, 'summarize', 'v9'), '');
  assert.equal(versionHelp(null, 'summarize', ''), '', 'nothing before the catalogue is loaded');
});

test('the catalogue loads', async () => {
  installStorage();
  installFetch({ 'v1/prompts': () => json(CATALOGUE) });
  assert.deepEqual(await loadCatalogue(), { state: 'loaded', catalogue: CATALOGUE });
});

test('a 401 or 403 asks for a key; a refused key is forgotten', async () => {
  installStorage();
  rememberApiKey('wrong');
  installFetch({ 'v1/prompts': () => json({ title: 'Unknown API key', code: 'invalid-api-key' }, 403) });
  const refused = await loadCatalogue();
  assert.equal(refused.state, 'needs-key');
  assert.equal(refused.problem.code, 'invalid-api-key');
  assert.equal(apiKey(), '');

  rememberApiKey('kept');
  installFetch({ 'v1/prompts': () => json({ title: 'API key required', code: 'missing-api-key' }, 401) });
  assert.equal((await loadCatalogue()).state, 'needs-key');
  assert.equal(apiKey(), 'kept', 'only a refused key is forgotten');
});

test('any other failure is a failed load with its problem, never a rejection', async () => {
  installStorage();
  installFetch({ 'v1/prompts': () => new TypeError('Failed to fetch') });
  assert.deepEqual(await loadCatalogue(), { state: 'failed', problem: { title: 'No answer from the service',
    detail: 'The request did not reach khulasa or its answer was cut off (Failed to fetch).', code: 'network-error' } });
  installFetch({ 'v1/prompts': () => json({ title: 'Internal error', code: 'internal-error' }, 500) });
  assert.equal((await loadCatalogue()).problem.code, 'internal-error');
  installFetch({ 'v1/prompts': () => new Response('<html>not json</html>', { status: 200 }) });
  assert.deepEqual(await loadCatalogue().then((l) => [l.state, l.problem.code]), ['failed', 'stream-unreadable']);
});

test('access problems are 401 and 403 only', () => {
  assert.ok(isAccessProblem({ status: 401 }));
  assert.ok(isAccessProblem({ status: 403 }));
  assert.ok(!isAccessProblem({ status: 429 }));
  assert.ok(!isAccessProblem({}));
});
