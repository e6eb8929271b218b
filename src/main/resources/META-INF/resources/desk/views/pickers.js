// The prompt version pickers (summary and translation), filled from the catalogue (catalogue.js), each with a line
// describing the version chosen.

import { pickerChoices, versionHelp } from '../catalogue.js';
import { $ } from './dom.js';

const PICKERS = [
  { select: 'summary-version', help: 'summary-version-help', task: 'summarize', panel: 'summary' },
  { select: 'translation-version', help: 'translation-version-help', task: 'translate', panel: 'translation' },
];

export function createPickers() {
  let catalogue = null;

  function describe(picker) {
    $(picker.help).textContent = versionHelp(catalogue, picker.task, $(picker.select).value);
  }

  for (const picker of PICKERS) {
    $(picker.select).addEventListener('change', () => describe(picker));
  }

  return {
    /** Fills both pickers; a version chosen before stays chosen when the service still has it. */
    fill(loaded) {
      catalogue = loaded;
      for (const picker of PICKERS) {
        const select = $(picker.select);
        const previous = select.value;
        const choices = pickerChoices(loaded, picker.task);
        select.replaceChildren(...choices.map((c) => {
          const option = new Option(c.label, c.value);
          if (c.title) {
            option.title = c.title;
          }
          return option;
        }));
        select.value = choices.some((c) => c.value !== '' && c.value === previous) ? previous : '';
        describe(picker);
      }
    },
    /** The chosen versions by panel task ({summary, translation}); '' is the service's default. */
    versions() {
      return Object.fromEntries(PICKERS.map((p) => [p.panel, $(p.select).value]));
    },
  };
}
