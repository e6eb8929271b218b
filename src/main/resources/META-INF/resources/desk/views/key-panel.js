// The API key panel: hidden until the service asks for a key (a 401/403 on any call). The key is kept in the tab's
// sessionStorage only (api.js) and goes out as "Authorization: Bearer".

import { apiKey, rememberApiKey } from '../api.js';
import { $ } from './dom.js';
import { problemParts } from './problems.js';

/** onKey() is called once a key was entered and remembered: time to try again. */
export function createKeyPanel({ onKey }) {
  const panel = $('key-panel');
  const field = $('api-key');
  const forget = $('forget-key');
  const notice = $('key-notice');

  function say(kind, text) {
    notice.className = kind ? `notice ${kind}` : 'notice';
    notice.textContent = text;
  }

  function use() {
    const key = field.value.trim();
    if (!key) {
      say('warn', 'Enter the API key first.');
      field.focus();
      return;
    }
    rememberApiKey(key);
    onKey();
  }

  $('use-key').addEventListener('click', use);
  forget.addEventListener('click', () => {
    rememberApiKey('');
    field.value = '';
    forget.hidden = true;
    say('', 'Key forgotten.');
  });
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      use();
    }
  });
  if (apiKey()) {
    field.value = apiKey();
  }

  return {
    /** The service refused a call for want of a (valid) key: say why and ask for one. */
    ask(problem) {
      panel.hidden = false;
      forget.hidden = !apiKey();
      notice.className = 'notice warn';
      notice.replaceChildren(...problemParts(problem));
      if (!field.value) {
        field.focus();
      }
    },
    /** A call went through: when it carried a key, say the key was accepted. */
    accepted() {
      if (!apiKey()) {
        return;
      }
      panel.hidden = false;
      forget.hidden = false;
      field.value = apiKey();
      say('ok', 'Key accepted. It is kept in this tab only.');
    },
  };
}
