// A result panel (summary or translation) and its states:
//   idle → waiting → streaming → done | rejected | failed | stopped
// waiting: the request is out; streaming: text is arriving; done: the service said "done" and there is text;
// rejected: text was shown, then the service stopped it with an error; failed: no usable answer (or a cut stream);
// stopped: the editor pressed Stop. Only a done panel can be copied. run.js drives it; this file only shows it.

import { $, el } from './dom.js';
import { problemParts } from './problems.js';
import { renderProvenance } from './provenance.js';
import { announce, copyText } from './copy.js';

const STATUS = {
  idle: 'Not run yet',
  waiting: 'Waiting for the model…',
  streaming: 'Writing…',
  done: 'Done',
  rejected: 'Rejected: do not publish',
  failed: 'Failed',
  stopped: 'Stopped: incomplete',
};

export class TaskPanel {
  /** task: 'summary' | 'translation' (the ids #<task>-output, -status, -verdict, -provenance, -title, #copy-<task>). */
  constructor(task, label, errors) {
    this.task = task;
    this.label = label;
    this.errors = errors;
    this.output = $(`${task}-output`);
    this.status = $(`${task}-status`);
    this.verdict = $(`${task}-verdict`);
    this.copyButton = $(`copy-${task}`);
    this.provenance = $(`${task}-provenance`);
    this.titleElement = $(`${task}-title`);
    this.source = null;
    this.copyButton.addEventListener('click', () => this.copy());
    this.reset();
  }

  setState(state, extra = '') {
    this.state = state;
    this.output.dataset.state = state;
    this.status.dataset.state = state;
    this.status.textContent = STATUS[state] + extra;
    const busy = state === 'waiting' || state === 'streaming';
    this.output.setAttribute('aria-busy', String(busy));
    this.copyButton.disabled = state !== 'done' || this.text === '';
  }

  reset(note) {
    this.text = '';
    this.title = '';
    this.part = '';
    this.source = null;
    this.onReset?.();
    this.output.replaceChildren();
    this.verdict.hidden = true;
    this.verdict.replaceChildren();
    if (this.titleElement) {
      this.titleElement.hidden = true;
      this.titleElement.textContent = '';
    }
    this.provenance.replaceChildren(el('h3', { text: this.label }), el('p', { class: 'hint', text: note || 'Nothing yet.' }));
    this.setState('idle');
  }

  begin(source, streamed) {
    this.reset(streamed ? 'Written as it streams; the details come at the end.' : 'Waiting for the answer.');
    this.source = source;
    this.streamed = streamed;
    this.textNode = document.createTextNode('');
    this.output.append(this.textNode);
    this.setState('waiting');
  }

  notRun(reason) {
    this.reset(reason);
    this.status.textContent = `Not run: ${reason}`;
  }

  append(text) {
    if (!text) {
      return;
    }
    this.text += text;
    this.textNode.appendData(text);
    if (this.state === 'waiting') {
      this.setState('streaming', this.part || '');
    }
  }

  chunk(index, of) {
    this.part = ` (part ${index + 1} of ${of})`;
    this.setState(this.state === 'waiting' ? 'waiting' : 'streaming', this.part);
  }

  finish(result) {
    this.part = '';
    this.title = result.title || '';
    if (this.titleElement && this.title) {
      this.titleElement.textContent = this.title;
      this.titleElement.hidden = false;
    }
    if (result.provenance) {
      renderProvenance(this.provenance, this.label, result.provenance, { streamed: this.streamed, task: this.task });
    }
    if (this.text.trim() === '') {
      // A success with no text would be a blank result presented as a success: never.
      this.fail({ title: 'Empty answer', detail: 'The service reported success but sent no text.', code: 'output-empty' });
      return;
    }
    this.setState('done');
    this.onFinished?.(result); // the sentences or paragraphs linked to the article (views/trace.js)
  }

  /** The stream ended with an error event: what was shown is rejected, with the reason next to it. */
  reject(problem) {
    this.part = '';
    this.showVerdict(this.text ? 'Rejected — not for publication. The service stopped this answer with an error:'
        : 'No answer:', problem);
    this.setState(this.text ? 'rejected' : 'failed');
    this.errors.add(this.label, problem);
  }

  fail(problem) {
    this.part = '';
    this.showVerdict(this.text ? 'Failed — the text below is incomplete and not for publication:' : 'No answer:', problem);
    this.setState('failed');
    this.errors.add(this.label, problem);
  }

  stop() {
    this.part = '';
    this.showVerdict('Stopped by you — the text below is incomplete.', null);
    this.setState('stopped');
  }

  showVerdict(lead, problem) {
    this.verdict.replaceChildren(el('p', { class: 'verdict-lead', text: lead }), ...(problem ? problemParts(problem) : []));
    this.verdict.hidden = false;
    if (problem) {
      this.provenance.replaceChildren(el('h3', { text: this.label }),
          el('p', { class: 'hint', text: `No provenance: ${problem.title || 'the answer failed'}.` }));
    }
  }

  /** What the copy button copies: the translation with its translated title, the summary alone. */
  copyText() {
    return this.task === 'translation' && this.title ? `${this.title}\n\n${this.text}` : this.text;
  }

  async copy() {
    const button = this.copyButton;
    const copied = await copyText(this.copyText());
    const label = button.textContent;
    button.textContent = copied ? 'Copied' : 'Copy failed';
    announce(copied ? `${this.label} copied` : `Could not copy the ${this.label.toLowerCase()}: select it and copy by hand`);
    setTimeout(() => {
      button.textContent = label;
    }, 2000);
  }
}
