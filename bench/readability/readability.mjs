// Runs Mozilla Readability (with jsdom) over the news-page fixtures and writes {page: {title, text}} as JSON.
// The article HTML Readability returns is turned into text one block per line (headings, paragraphs, list items,
// table cells, <br>), the way khulasa writes its lines, so both sides are scored on the same footing.
// Usage: node readability.mjs <pages dir> <out.json>
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const [pagesDir, out] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(path.join(pagesDir, 'manifest.json'), 'utf8'));
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'SECTION',
  'ARTICLE', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'MAIN', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TBODY', 'THEAD', 'TR',
  'TD', 'TH', 'PRE', 'BR', 'HR', 'DD', 'DT', 'DL', 'ADDRESS', 'CENTER', 'DETAILS', 'SUMMARY', 'CAPTION']);

function blockText(node, acc) {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      acc.push(child.nodeValue.replace(/[\r\n]+/g, ' '));
    } else if (child.nodeType === 1) {
      const block = BLOCKS.has(child.tagName);
      if (block) acc.push('\n');
      blockText(child, acc);
      if (block) acc.push('\n');
    }
  }
  return acc;
}

const quiet = new VirtualConsole(); // page scripts never run; their console noise is dropped
const results = {};
for (const page of manifest.pages) {
  const html = fs.readFileSync(path.join(pagesDir, page.name + '.html'), 'utf8');
  const started = process.hrtime.bigint();
  const dom = new JSDOM(html, { url: 'https://example.org/' + page.name, virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  let title = '';
  let text = '';
  if (article) {
    title = article.title || '';
    const content = new JSDOM('<!DOCTYPE html><body>' + (article.content || '') + '</body>');
    text = blockText(content.window.document.body, []).join('')
      .split('\n').map(l => l.replace(/\s+/g, ' ').trim()).filter(l => l).join('\n');
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  results[page.name] = { title, text, ms: Math.round(ms) };
}
fs.writeFileSync(out, JSON.stringify(results, null, 1) + '\n');
console.error(`readability: ${manifest.pages.length} pages -> ${out}`);
