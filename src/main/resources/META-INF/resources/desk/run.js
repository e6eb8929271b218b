// Running the desk's tasks: clean first (no model call), then the chosen tasks concurrently, each into its panel,
// streamed or not. No DOM here: the views come in as arguments (a panel, the cleaned-article view, the problem list),
// so the whole run is unit-tested in Node against a fake fetch (src/test/js).
//
// A panel is {task, label, source, streamed, reset(note), begin(source, streamed), notRun(reason), append(text),
// chunk(index, of), finish(result), reject(problem), fail(problem), stop()}; see views/task-panel.js.

import { call, problemOf, unreachableProblem } from './api.js';
import { readEventStream } from './sse.js';
import { articleFields, taskRequest } from './article.js';
import { isAccessProblem } from './catalogue.js';

const STREAM_CUT = {
  title: 'The answer stream was cut off',
  detail: 'The connection closed before the service sent “done” or “error”. The text shown may be incomplete: do not publish it.',
  code: 'stream-cut',
};

function isAbort(error) {
  return Boolean(error && error.name === 'AbortError');
}

/** A request that threw: stopped when the editor stopped it, otherwise the service was not reached. */
function thrown(panel, error) {
  if (isAbort(error)) {
    panel.stop();
  } else {
    panel.fail(unreachableProblem(error));
  }
}

/**
 * Reads a task's event stream into its panel: "delta" text is appended as it comes, "chunk" says which part of a
 * long article is being written, and only "done" finishes it. "error" rejects what was shown; a stream that ends
 * with neither, or with an event that is not JSON, fails: a cut stream never looks like a finished one.
 */
export async function settleStream(panel, response) {
  let final = null;
  try {
    await readEventStream(response, (event) => {
      if (final) {
        return; // nothing after the last event counts
      }
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        final = { kind: 'failed', problem: { title: 'Unreadable event', detail: `The “${event.event}” event was not JSON.`, code: 'stream-unreadable' } };
        return;
      }
      if (event.event === 'delta') {
        panel.append(String(data.text ?? ''));
      } else if (event.event === 'chunk') {
        panel.chunk(data.index, data.of);
      } else if (event.event === 'done') {
        final = { kind: 'done', data };
      } else if (event.event === 'error') {
        final = { kind: 'error', problem: data };
      }
    });
  } catch (error) {
    if (!final) {
      thrown(panel, error);
      return;
    }
  }
  if (final === null) {
    panel.fail(STREAM_CUT);
  } else if (final.kind === 'done') {
    panel.finish(final.data);
  } else if (final.kind === 'error') {
    panel.reject(final.problem);
  } else {
    panel.fail(final.problem);
  }
}

/** One task into its panel. options: {stream, length, format, versions}; onAccess(problem) on a 401/403. */
export async function runTask(panel, article, source, { options, signal, onAccess }) {
  const streamed = options.stream;
  panel.begin(source, streamed);
  const { path, body } = taskRequest(panel.task, article, options);
  let response;
  try {
    response = await call('POST', path, { body, accept: streamed ? 'text/event-stream' : 'application/json', signal });
  } catch (error) {
    thrown(panel, error);
    return;
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    panel.fail(problem);
    if (isAccessProblem(problem)) {
      onAccess(problem);
    }
    return;
  }
  if ((response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
    await settleStream(panel, response);
    return;
  }
  let answer;
  try {
    answer = await response.json();
  } catch (error) {
    if (isAbort(error)) {
      panel.stop();
    } else {
      panel.fail({ title: 'Unreadable answer', detail: 'The service’s answer was not the JSON expected.', code: 'stream-unreadable' });
    }
    return;
  }
  panel.streamed = false;
  panel.append(String(answer[panel.task] ?? ''));
  panel.finish(answer);
}

/** The article through POST /v1/clean into the cleaned view; resolves to the answer, or null when there is none. */
export async function cleanArticle(cleaned, article, { signal, errors, onAccess }) {
  cleaned.begin();
  let response;
  let answer;
  try {
    response = await call('POST', 'v1/clean', { body: article, signal });
    if (response.ok) {
      answer = await response.json();
    }
  } catch (error) {
    if (isAbort(error)) {
      cleaned.setState('stopped', 'Stopped');
    } else {
      cleaned.setState('failed', 'Failed');
      errors.add('Cleaning', response ? { title: 'Unreadable answer', detail: 'The service’s answer was not the JSON expected.', code: 'stream-unreadable' }
          : unreachableProblem(error));
    }
    return null;
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    cleaned.setState('failed', `Refused: ${problem.title || 'error'}`);
    errors.add('Article', problem);
    if (isAccessProblem(problem)) {
      onAccess(problem);
    }
    return null;
  }
  cleaned.show(answer);
  return answer;
}

/**
 * The desk's runner. views: {panels: {summary, translation}, cleaned, errors, intake: {raw(), title(), options(),
 * focusArticle()}}; hooks: {onAccess(problem), onBusy(busy)}. One run at a time; stop() aborts it.
 */
export function createRunner(views, hooks) {
  const { panels, cleaned, errors, intake } = views;
  let running = null;

  function setRunning(controller) {
    running = controller;
    hooks.onBusy(controller !== null);
  }

  async function run(tasks) {
    if (running) {
      return;
    }
    errors.clear();
    const article = articleFields(intake.raw(), intake.title());
    if (!article) {
      errors.add('Article', { title: 'No article', detail: 'Paste the article’s text or HTML first.', code: 'blank-article' });
      intake.focusArticle();
      return;
    }
    const source = JSON.stringify(article);
    // A result made from another article must not sit next to this one.
    for (const panel of Object.values(panels)) {
      if (!tasks.includes(panel.task) && panel.source !== source) {
        panel.reset();
      }
    }
    const controller = new AbortController();
    setRunning(controller);
    try {
      const answer = await cleanArticle(cleaned, article, { signal: controller.signal, errors, onAccess: hooks.onAccess });
      if (!answer) {
        for (const task of tasks) {
          panels[task].notRun(controller.signal.aborted ? 'stopped' : 'the article was refused (see Problems)');
        }
        return;
      }
      await Promise.all(tasks.map((task) => runTask(panels[task], article, source,
          { options: intake.options(), signal: controller.signal, onAccess: hooks.onAccess })));
    } finally {
      setRunning(null);
    }
  }

  return {
    run,
    stop() {
      if (running) {
        running.abort();
      }
    },
    isRunning() {
      return running !== null;
    },
  };
}
