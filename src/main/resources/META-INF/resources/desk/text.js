// Small text helpers shared by the views: numbers, durations, the direction of a text whose language is not known in
// advance. No DOM here, so they are unit-tested in Node (src/test/js).

export const numbers = new Intl.NumberFormat('en');

/** A duration for an editor: "850 ms", "3.2 s". */
export function seconds(ms) {
  return ms < 1000 ? `${numbers.format(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

/**
 * dir and lang for a text by its letters: mostly Arabic → rtl/ar, otherwise any Latin letter → ltr/en, otherwise
 * (digits, punctuation only) dir auto and no lang.
 */
export function languageOf(text) {
  const s = String(text ?? '');
  const arabic = (s.match(ARABIC_LETTER) || []).length;
  const latin = (s.match(LATIN_LETTER) || []).length;
  if (arabic > latin) {
    return { dir: 'rtl', lang: 'ar' };
  }
  return latin > 0 ? { dir: 'ltr', lang: 'en' } : { dir: 'auto' };
}

/** Items grouped by the value of one of their fields, groups in the order of their first item. */
export function groupBy(items, key) {
  const groups = new Map();
  for (const item of items || []) {
    const k = item[key];
    if (!groups.has(k)) {
      groups.set(k, []);
    }
    groups.get(k).push(item);
  }
  return groups;
}

/** "1 repaired word", "3 repaired words". */
export function plural(count, noun) {
  return `${numbers.format(count)} ${noun}${count === 1 ? '' : 's'}`;
}
