// The prompt version pickers: one field per task, each a select filled from the catalogue (catalogue.js) and a line
// describing the version chosen. The fields are made here, from PICKERS, so that every picker has the same markup
// (label bound to its select, the help line it is described by) and a new task's picker is one more entry.

import { pickerChoices, versionHelp } from '../catalogue.js';
import { $, el } from './dom.js';

/** panel: the task panel the chosen version is for (and the ids' stem); task: the catalogue's task name. */
export const PICKERS = [
  { panel: 'summary', task: 'summarize', label: 'Summary prompt' },
  { panel: 'translation', task: 'translate', label: 'Translation prompt' },
];

/**
 * A picker's field, {field, select, help}: "<panel>-version" (the select, named so too) with its label, described by
 * "<panel>-version-help". Until the catalogue is loaded it offers "default" alone: a run then uses the service's
 * default version, so the desk works before (and without) the catalogue.
 */
export function pickerField({ panel, label }) {
  const id = `${panel}-version`;
  const select = el('select', { id, name: id, 'aria-describedby': `${id}-help` },
      el('option', { value: '', text: 'default' }));
  const help = el('p', { id: `${id}-help`, class: 'hint version-help' });
  return { field: el('div', { class: 'field' }, el('label', { for: id, text: label }), select, help), select, help };
}

/** container: where the fields go (index.html's #version-pickers, a display: contents box in the options grid). */
export function createPickers(container = $('version-pickers')) {
  let catalogue = null;
  const pickers = PICKERS.map((picker) => ({ ...picker, ...pickerField(picker) }));
  container.replaceChildren(...pickers.map((p) => p.field));

  function describe(picker) {
    picker.help.textContent = versionHelp(catalogue, picker.task, picker.select.value);
  }

  for (const picker of pickers) {
    picker.select.addEventListener('change', () => describe(picker));
  }

  return {
    /** Fills the pickers; a version chosen before stays chosen when the service still has it. */
    fill(loaded) {
      catalogue = loaded;
      for (const picker of pickers) {
        const { select } = picker;
        const previous = select.value;
        const choices = pickerChoices(loaded, picker.task);
        select.replaceChildren(...choices.map((c) =>
          el('option', { value: c.value, title: c.title || null, text: c.label })));
        select.value = choices.some((c) => c.value !== '' && c.value === previous) ? previous : '';
        describe(picker);
      }
    },
    /** The chosen versions by panel task ({summary, translation}); '' is the service's default. */
    versions() {
      return Object.fromEntries(pickers.map((p) => [p.panel, p.select.value]));
    },
  };
}
