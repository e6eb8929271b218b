import test from 'node:test';
import assert from 'node:assert/strict';

import { createEventParser, readEventStream } from '../../main/resources/META-INF/resources/desk/sse.js';

function parse(...pieces) {
  const events = [];
  const parser = createEventParser((e) => events.push(e));
  for (const piece of pieces) {
    parser.push(piece);
  }
  parser.end();
  return events;
}

test('events are named by "event:", unnamed ones are "message", and a blank line dispatches', () => {
  assert.deepEqual(parse('event: delta\ndata: {"text":"a"}\n\ndata: plain\n\n'),
      [{ event: 'delta', data: '{"text":"a"}' }, { event: 'message', data: 'plain' }]);
});

test('lines may end in LF, CRLF or CR, also mixed', () => {
  assert.deepEqual(parse('event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n'),
      [{ event: 'a', data: '1' }, { event: 'b', data: '2' }, { event: 'message', data: '3' }]);
});

test('a CRLF split across two reads is one line end, not two', () => {
  // Two line ends would be a blank line: the event would be dispatched before its second data line.
  assert.deepEqual(parse('data: x\r', '\ndata: y\r\n\r\n'), [{ event: 'message', data: 'x\ny' }]);
});

test('an event may arrive one character at a time', () => {
  const stream = 'event: done\ndata: {"ok":true}\n\n';
  assert.deepEqual(parse(...stream), [{ event: 'done', data: '{"ok":true}' }]);
});

test('data lines are joined with "\\n"; one leading space is dropped, others kept; comments and other fields ignored', () => {
  assert.deepEqual(parse(': keep-alive\nid: 7\nretry: 10\ndata:a\ndata:  b\ndata\n\n'),
      [{ event: 'message', data: 'a\n b\n' }]);
});

test('an event with no data is not dispatched, and its name does not leak into the next one', () => {
  assert.deepEqual(parse('event: ping\n\ndata: x\n\n'), [{ event: 'message', data: 'x' }]);
});

test('an event the stream ends in the middle of is never dispatched: a cut stream does not look finished', () => {
  assert.deepEqual(parse('event: delta\ndata: a\n\nevent: done\ndata: {}'), [{ event: 'delta', data: 'a' }]);
  assert.deepEqual(parse('event: done\ndata: {}\n'), []);
});

test('a last line ended by a lone CR still counts when the stream ends', () => {
  assert.deepEqual(parse('data: x\r\r'), [{ event: 'message', data: 'x' }]);
});

function body(chunks) {
  return {
    body: new ReadableStream({
      start(controller) {
        for (const c of chunks) {
          controller.enqueue(c);
        }
        controller.close();
      },
    }),
  };
}

test('readEventStream decodes a letter split across two network reads whole', async () => {
  const bytes = new TextEncoder().encode('data: {"text":"خلاصة"}\n\n');
  const cut = bytes.findIndex((b) => b > 0x7f) + 1; // between the two bytes of "خ"
  const events = [];
  await readEventStream(body([bytes.slice(0, cut), bytes.slice(cut)]), (e) => events.push(e));
  assert.deepEqual(events, [{ event: 'message', data: '{"text":"خلاصة"}' }]);
});

test('readEventStream rejects with the reader\'s error when the connection breaks', async () => {
  const broken = {
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: a\n\n'));
        controller.error(new TypeError('network error'));
      },
    }),
  };
  const events = [];
  await assert.rejects(readEventStream(broken, (e) => events.push(e)), TypeError);
});
