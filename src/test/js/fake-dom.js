// A very small DOM, enough for the desk's views to run in Node: elements with attributes, dataset, text, children and
// a value (a select's is its chosen option's), text nodes, getElementById over the elements the test registers. Not
// a browser: layout, events and focus are only recorded.

class Text {
  constructor(data) {
    this.data = String(data);
  }

  appendData(more) {
    this.data += more;
  }

  get textContent() {
    return this.data;
  }
}

export class Element {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.childNodes = [];
    this.attributes = {};
    this.dataset = {};
    this.className = '';
    this.hidden = false;
    this.disabled = false;
    this.listeners = {};
    this.focused = 0;
  }

  append(...nodes) {
    for (const n of nodes) {
      this.childNodes.push(typeof n === 'string' ? new Text(n) : n);
    }
  }

  replaceChildren(...nodes) {
    this.childNodes = [];
    this.chosen = undefined;
    this.append(...nodes);
  }

  /**
   * A field's value. A select's is its chosen option's: the first until one is chosen by value, none (so '') when no
   * option has the value set, the first again when its options are replaced; any other element keeps what it is given.
   */
  get value() {
    if (this.tagName !== 'SELECT') {
      return this.given ?? '';
    }
    const options = this.all('option');
    const option = this.chosen === undefined ? options[0] : this.chosen;
    return option ? option.getAttribute('value') ?? option.textContent : '';
  }

  set value(value) {
    if (this.tagName !== 'SELECT') {
      this.given = String(value);
      return;
    }
    this.chosen = this.all('option').find((o) => o.getAttribute('value') === String(value)) ?? null;
  }

  get children() {
    return this.childNodes.filter((n) => n instanceof Element);
  }

  get textContent() {
    return this.childNodes.map((n) => n.textContent).join('');
  }

  set textContent(text) {
    this.childNodes = text === '' ? [] : [new Text(text)];
  }

  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }

  getAttribute(name) {
    return name in this.attributes ? this.attributes[name] : null;
  }

  addEventListener(type, listener) {
    (this.listeners[type] ||= []).push(listener);
  }

  focus() {
    this.focused++;
  }

  /** Every element below this one (depth first) that has the tag. */
  all(tag) {
    const found = [];
    for (const child of this.children) {
      if (child.tagName === tag.toUpperCase()) {
        found.push(child);
      }
      found.push(...child.all(tag));
    }
    return found;
  }
}

/** Installs globalThis.document; byId: the page's elements by id, created on first use as a <div>. */
export function installDocument() {
  const byId = new Map();
  globalThis.document = {
    createElement: (tag) => new Element(tag),
    createTextNode: (data) => new Text(data),
    getElementById(id) {
      if (!byId.has(id)) {
        byId.set(id, new Element('div'));
      }
      return byId.get(id);
    },
  };
  return byId;
}
