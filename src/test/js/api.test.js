import test from 'node:test';
import assert from 'node:assert/strict';

import { apiKey, call, problemOf, rememberApiKey, unreachableProblem } from '../../main/resources/META-INF/resources/desk/api.js';
import { installFetch, installStorage, json } from './fakes.js';

test('a call sends JSON with the tab\'s key as a bearer token, no cookie, no referrer, no cache', async () => {
  const storage = installStorage();
  const requests = installFetch({ 'v1/clean': () => json({}) });
  rememberApiKey('k-123');
  assert.equal(storage.get('khulasa.apiKey'), 'k-123');
  assert.equal(apiKey(), 'k-123');
  await call('POST', 'v1/clean', { body: { text: 'نص' } });
  const [request] = requests;
  assert.equal(request.method, 'POST');
  assert.deepEqual(request.headers, { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer k-123' });
  assert.deepEqual(request.body, { text: 'نص' });
  assert.equal(request.init.credentials, 'omit');
  assert.equal(request.init.referrerPolicy, 'no-referrer');
  assert.equal(request.init.cache, 'no-store');
});

test('without a key and without a body: no Authorization, no Content-Type, the Accept asked for', async () => {
  installStorage();
  rememberApiKey('');
  const requests = installFetch({ 'v1/prompts': () => json({}) });
  await call('GET', 'v1/prompts', { accept: 'text/event-stream' });
  assert.deepEqual(requests[0].headers, { Accept: 'text/event-stream' });
  assert.equal(requests[0].init.body, undefined);
});

test('a forgotten key is removed from the tab\'s storage', () => {
  const storage = installStorage();
  rememberApiKey('k');
  rememberApiKey('');
  assert.equal(storage.has('khulasa.apiKey'), false);
  assert.equal(apiKey(), '');
});

test('with storage disabled the key still goes out, until the page is reloaded', async () => {
  installStorage({ broken: true });
  rememberApiKey('k-volatile');
  assert.equal(apiKey(), '');
  const requests = installFetch({ 'v1/prompts': () => json({}) });
  await call('GET', 'v1/prompts');
  assert.equal(requests[0].headers.Authorization, 'Bearer k-volatile');
});

test('a problem body (RFC 9457) is read with its status', async () => {
  const problem = await problemOf(json({ title: 'Blank article', detail: 'nothing', code: 'blank-article' }, 400));
  assert.deepEqual(problem, { status: 400, title: 'Blank article', detail: 'nothing', code: 'blank-article' });
});

test('a body that is not a problem still says something: the status line and the start of the body', async () => {
  const html = await problemOf(new Response(`<html><body>${'x'.repeat(1000)}</body></html>`, { status: 502, statusText: 'Bad Gateway' }));
  assert.equal(html.status, 502);
  assert.equal(html.title, 'HTTP 502 Bad Gateway');
  assert.equal(html.code, 'http-502');
  assert.equal(html.detail.length, 400);
  assert.ok(html.detail.startsWith('<html><body>xxx'));

  const empty = await problemOf(new Response('', { status: 500 }));
  assert.deepEqual(empty, { status: 500, title: 'HTTP 500', detail: 'The service answered with an error and no explanation.', code: 'http-500' });

  const otherJson = await problemOf(new Response('{"message":"no"}', { status: 503 }));
  assert.equal(otherJson.code, 'http-503');
  assert.equal(otherJson.detail, '{"message":"no"}');
});

test('a request that got no answer is a network-error problem naming the cause', () => {
  const problem = unreachableProblem(new TypeError('Failed to fetch'));
  assert.equal(problem.code, 'network-error');
  assert.match(problem.detail, /Failed to fetch/);
  assert.match(unreachableProblem('down').detail, /down/);
});
