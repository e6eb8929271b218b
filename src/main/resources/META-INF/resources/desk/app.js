// The editor's desk: paste an Arabic article, see it cleaned, summarised in Arabic and translated into English.
// Plain ES modules, no framework, nothing loaded from anywhere but this service.
//
// This file only wires the parts together. Pure modules (no DOM; unit-tested in Node, src/test/js):
//   api.js (calls, problems), sse.js (event streams), article.js (requests), catalogue.js (prompt versions),
//   run.js (a run: clean, then the tasks), words.js (editor wording for codes), text.js, marks.js (repaired words),
//   trace.js (answer sentences and paragraphs to highlight ranges of the cleaned article, the re-check request).
// Views (views/*.js, one per part of the page, each owning its elements and their own events):
//   intake, pickers, key-panel, problems, cleaning-report, task-panel (+ provenance, copy), trace (sentences and
//   paragraphs linked to the cleaned article, edit and check again; its ranges in trace.js), dom (helpers).
// A new view: a views/<name>.js exporting a create…() (or a class) that finds its elements by id, then one line
// here to create it and one to hand it what it shows.

import { loadCatalogue } from './catalogue.js';
import { createRunner } from './run.js';
import { $ } from './views/dom.js';
import { createErrorList } from './views/problems.js';
import { createKeyPanel } from './views/key-panel.js';
import { createPickers } from './views/pickers.js';
import { createIntake } from './views/intake.js';
import { createCleanedView } from './views/cleaning-report.js';
import { TaskPanel } from './views/task-panel.js';
import { attachTrace, createTracer } from './views/trace.js';

const errors = createErrorList();
const pickers = createPickers();
const intake = createIntake(pickers);
const keyPanel = createKeyPanel({
  onKey() {
    errors.clear();
    loadPrompts();
  },
});
const panels = {
  summary: new TaskPanel('summary', 'Summary', errors),
  translation: new TaskPanel('translation', 'Translation', errors),
};

/** The prompt versions; the service may first ask for a key (401/403), which the key panel then asks the editor for. */
async function loadPrompts() {
  const loaded = await loadCatalogue();
  if (loaded.state === 'loaded') {
    pickers.fill(loaded.catalogue);
    keyPanel.accepted();
  } else if (loaded.state === 'needs-key') {
    keyPanel.ask(loaded.problem);
  } else {
    errors.add('Prompt versions', loaded.problem);
  }
  document.body.dataset.prompts = loaded.state;
}

/** On a laptop the form fills the screen: show the results (and any problem) as they come. */
function bringOutputsIntoView() {
  const outputs = $('outputs');
  if (outputs.getBoundingClientRect().top > window.innerHeight * 0.4) {
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    outputs.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
  }
}

const cleaned = createCleanedView();
const tracer = createTracer(cleaned);
Object.values(panels).forEach((panel) => attachTrace(panel, tracer, errors));

const runner = createRunner({ panels, cleaned, errors, intake }, {
  onAccess: (problem) => keyPanel.ask(problem),
  onBusy(busy) {
    for (const id of ['run-summary', 'run-translation', 'run-digest']) {
      $(id).disabled = busy;
    }
    $('stop').disabled = !busy;
    document.body.classList.toggle('running', busy);
    if (busy) {
      bringOutputsIntoView();
    }
  },
});

$('article-form').addEventListener('submit', (event) => event.preventDefault());
$('run-summary').addEventListener('click', () => runner.run(['summary']));
$('run-translation').addEventListener('click', () => runner.run(['translation']));
$('run-digest').addEventListener('click', () => runner.run(['summary', 'translation']));
$('stop').addEventListener('click', () => runner.stop());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    runner.run(['summary', 'translation']);
  } else if (event.key === 'Escape' && runner.isRunning()) {
    runner.stop();
  }
});

loadPrompts();
