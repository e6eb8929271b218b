// The prompt catalogue (GET /v1/prompts): loading it, and what the version pickers offer. No DOM here: the pickers
// view shows what these functions return, and they are unit-tested in Node (src/test/js).

import { call, problemOf, rememberApiKey, unreachableProblem } from './api.js';

const UNREADABLE = { title: 'Unreadable answer', detail: 'The service’s list of prompt versions was not the JSON expected.', code: 'stream-unreadable' };

function versionNumber(v) {
  return Number.parseInt(String(v).replace(/^v/, ''), 10) || 0;
}

/** Whether a problem is about access (no key, a refused key): the key panel is the place to fix it. */
export function isAccessProblem(problem) {
  return problem.status === 401 || problem.status === 403;
}

/**
 * The choices of a task's picker: first "default" (naming the service's default version), then every version of the
 * task in version order (v2 before v10), each {label, value, title}.
 */
export function pickerChoices(catalogue, task) {
  const fallback = catalogue.defaults[task];
  const versions = catalogue.prompts.filter((p) => p.task === task)
      .sort((a, b) => versionNumber(a.version) - versionNumber(b.version));
  return [
    { label: fallback ? `default (${fallback})` : 'default', value: '', title: '' },
    ...versions.map((p) => ({
      label: `${p.version}${p.isDefault ? ' (default)' : ''}${p.source === 'external' ? ' · external' : ''}`,
      value: p.version,
      title: p.description,
    })),
  ];
}

/** The line under a picker: the chosen version (or the default) and its description; '' when unknown. */
export function versionHelp(catalogue, task, selected) {
  const version = selected || (catalogue && catalogue.defaults[task]);
  const info = catalogue && catalogue.prompts.find((p) => p.task === task && p.version === version);
  return info ? `${info.version}: ${info.description}` : '';
}

/**
 * Loads the catalogue. Resolves to {state: 'loaded', catalogue}, {state: 'needs-key', problem} (401/403: a refused
 * key is forgotten, the field still shows it to be corrected) or {state: 'failed', problem}; never rejects.
 */
export async function loadCatalogue() {
  let response;
  try {
    response = await call('GET', 'v1/prompts');
  } catch (e) {
    return { state: 'failed', problem: unreachableProblem(e) };
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (!isAccessProblem(problem)) {
      return { state: 'failed', problem };
    }
    if (problem.code === 'invalid-api-key') {
      rememberApiKey('');
    }
    return { state: 'needs-key', problem };
  }
  try {
    return { state: 'loaded', catalogue: await response.json() };
  } catch {
    return { state: 'failed', problem: UNREADABLE };
  }
}
