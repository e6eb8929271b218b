// Server-Sent Events read from a fetch() response body. EventSource cannot POST, and the task endpoints take the
// article as a POST body, so the event stream is parsed here, following the WHATWG "event stream interpretation"
// rules: lines end in CRLF, LF or CR; "event:" names the event, "data:" lines are joined with "\n", a blank line
// dispatches, ":" lines are comments. An event the stream ends in the middle of is never dispatched: a cut stream
// must not look like a finished one.

/** A push parser: feed it decoded text in any pieces; it calls onEvent({event, data}) for every complete event. */
export function createEventParser(onEvent) {
  let pending = '';
  let eventName = '';
  let dataLines = [];

  function takeLine(line) {
    if (line === '') {
      if (dataLines.length > 0) {
        onEvent({ event: eventName || 'message', data: dataLines.join('\n') });
      }
      eventName = '';
      dataLines = [];
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      eventName = value;
    } else if (field === 'data') {
      dataLines.push(value);
    }
    // "id" and "retry" only matter to EventSource's reconnection, which a POST stream does not do.
  }

  return {
    push(text) {
      pending += text;
      let start = 0;
      for (let i = 0; i < pending.length; i++) {
        const c = pending[i];
        if (c !== '\n' && c !== '\r') {
          continue;
        }
        if (c === '\r' && i + 1 === pending.length) {
          break; // maybe the first half of a CRLF split across two reads: wait for the next piece
        }
        takeLine(pending.slice(start, i));
        if (c === '\r' && pending[i + 1] === '\n') {
          i++;
        }
        start = i + 1;
      }
      pending = pending.slice(start);
    },
    /** The stream ended: a last line ended by a lone CR still counts; an undispatched event is dropped. */
    end() {
      if (pending.endsWith('\r')) {
        takeLine(pending.slice(0, -1));
      }
      pending = '';
      eventName = '';
      dataLines = [];
    },
  };
}

/**
 * Reads an event-stream response body to its end, calling onEvent for each event. Rejects with the reader's error
 * (an AbortError when the request's AbortSignal fired, a TypeError when the connection broke).
 */
export async function readEventStream(response, onEvent) {
  const reader = response.body.getReader();
  // One decoder for the whole body: a multi-byte letter split across two network reads is decoded whole.
  const decoder = new TextDecoder('utf-8');
  const parser = createEventParser(onEvent);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    parser.push(decoder.decode(value, { stream: true }));
  }
  parser.push(decoder.decode());
  parser.end();
}
