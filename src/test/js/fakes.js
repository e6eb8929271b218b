// Stand-ins for what the browser gives the pure modules: sessionStorage and fetch. Node has Response, Headers,
// ReadableStream and AbortController itself. And a prompt catalogue as the service sends it.

/**
 * A GET /v1/prompts answer: versions out of order (v10 after v2 as text, before it as a number), an external one, a
 * task no picker offers (summarize-chunk).
 */
export const CATALOGUE = {
  defaults: { summarize: 'v2', translate: 'v1' },
  prompts: [
    { task: 'summarize', version: 'v10', description: 'ten', isDefault: false, source: 'external' },
    { task: 'summarize', version: 'v2', description: 'two', isDefault: true, source: 'bundled' },
    { task: 'translate', version: 'v1', description: 'one', isDefault: true, source: 'bundled' },
    { task: 'summarize', version: 'v1', description: 'first', isDefault: false, source: 'bundled' },
    { task: 'summarize-chunk', version: 'v1', description: 'a part', isDefault: true, source: 'bundled' },
  ],
};

/** A sessionStorage kept in a Map; broken: true makes every call throw, as with storage disabled. */
export function installStorage({ broken = false } = {}) {
  const items = new Map();
  const fail = () => {
    throw new Error('SecurityError: storage disabled');
  };
  globalThis.sessionStorage = broken ? { getItem: fail, setItem: fail, removeItem: fail } : {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k),
  };
  return items;
}

/**
 * A fetch that answers by path: routes is {'v1/clean': (init) => Response | Promise<Response> | Error}; an Error is
 * thrown, as fetch does when the service is not reached. Every request is recorded as {path, method, headers, body,
 * init}.
 */
export function installFetch(routes) {
  const requests = [];
  globalThis.fetch = async (path, init) => {
    requests.push({ path, method: init.method, headers: init.headers, body: init.body === undefined ? undefined : JSON.parse(init.body), init });
    const route = routes[path];
    if (!route) {
      throw new Error(`no fake route for ${path}`);
    }
    const answer = await route(init);
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  };
  return requests;
}

export function json(body, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
}

/** An event stream of [event, data] pairs; cut: true ends it without the blank line after the last event. */
export function eventStream(events, { cut = false } = {}) {
  const text = events.map(([event, data]) => `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`).join('');
  return new Response(cut ? text.replace(/\n\n$/, '\n') : text, { headers: { 'Content-Type': 'text/event-stream' } });
}

/** A fetch answer that never comes until the request's signal aborts it (then it rejects as fetch does). */
export function untilAborted(init) {
  return new Promise((resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
  });
}
