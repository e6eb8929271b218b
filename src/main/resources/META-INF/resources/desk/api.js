// Calls to the khulasa API of the service that served this page. Paths are relative, so the desk also works behind
// a reverse proxy that mounts khulasa under a sub-path.

const KEY_ITEM = 'khulasa.apiKey';

/** The API key of this tab, or '' (sessionStorage only: never localStorage, never a cookie). */
export function apiKey() {
  try {
    return sessionStorage.getItem(KEY_ITEM) || '';
  } catch {
    return '';
  }
}

export function rememberApiKey(key) {
  try {
    if (key) {
      sessionStorage.setItem(KEY_ITEM, key);
    } else {
      sessionStorage.removeItem(KEY_ITEM);
    }
  } catch {
    // Storage disabled: the key then lives only until the page is reloaded.
  }
  volatileKey = key;
}

let volatileKey = '';

function currentKey() {
  return apiKey() || volatileKey;
}

/** A request to the API; body (an object) is sent as JSON. Resolves to the Response, whatever its status. */
export function call(method, path, { body, accept = 'application/json', signal } = {}) {
  const headers = { Accept: accept };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const key = currentKey();
  if (key) {
    headers.Authorization = 'Bearer ' + key;
  }
  return fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
}

/**
 * The problem (RFC 9457) a non-2xx response carries. A body that is not a problem (a proxy's HTML error page, an
 * empty body) still gives the editor something to read: the status line and the start of the body.
 */
export async function problemOf(response) {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body could not be read: the status line is all there is
  }
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && (parsed.title || parsed.detail || parsed.code)) {
      return { status: response.status, ...parsed };
    }
  } catch {
    // not JSON
  }
  const statusLine = `HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`;
  return {
    status: response.status,
    title: statusLine,
    detail: text.trim() ? text.trim().slice(0, 400) : 'The service answered with an error and no explanation.',
    code: 'http-' + response.status,
  };
}

/** A problem for a request that got no answer at all (network down, service stopped). */
export function unreachableProblem(error) {
  return {
    title: 'No answer from the service',
    detail: `The request did not reach khulasa or its answer was cut off (${error && error.message ? error.message : error}).`,
    code: 'network-error',
  };
}
