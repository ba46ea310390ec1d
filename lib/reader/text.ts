/** Text helpers shared by the parsers: the page's words are compared the way a person reads them. */

/** Collapses runs of whitespace (including non-breaking spaces) and trims. */
export function collapse(text: string): string {
  // Most texts are tidy already; testing is cheaper than rebuilding every string.
  return isTidy(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether collapsing would leave `text` as it is: no whitespace but single spaces between words.
 * A loop over the characters: the reader asks this of thousands of short texts on every read,
 * and a regular expression of four alternatives tried at each character costs more.
 */
export function isTidy(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i - 1) === 32) return false;
    } else if (isSpaceCode(c)) return false;
  }
  return true;
}

/** Whether the UTF-16 code unit `c` is whitespace as `\s` takes it. */
export function isSpaceCode(c: number): boolean {
  if (c < 160) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Case-insensitive, whitespace-insensitive equality of two phrases. */
export function samePhrase(a: string, b: string): boolean {
  return collapse(a).toLowerCase() === collapse(b).toLowerCase();
}

/** The rest of `text` after `prefix` (compared like samePhrase), trimmed; null when it does not start so. */
export function afterPrefix(text: string, prefix: string): string | null {
  const t = collapse(text);
  const p = collapse(prefix);
  if (p === '' || t.length < p.length) return null;
  if (t.slice(0, p.length).toLowerCase() !== p.toLowerCase()) return null;
  return t.slice(p.length).trim();
}

/** A class name as a CSS selector may hold it (CSS.escape where the engine has it). */
export function escapeClass(name: string): string {
  const css = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS;
  return css?.escape ? css.escape(name) : name.replace(/[^\w-]/g, (c) => `\\${c}`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular-expression alternation of phrases, longest first so "days" wins over "day". */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .map(collapse)
    .filter((p) => p !== '')
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, '\\s+'))
    .join('|');
}

/** Dashes a page may use between a range's ends: en dash, em dash, hyphen, minus. */
export const DASH = '[\u2013\u2014\u2212-]';

/**
 * Whether a text says something a person reads: a letter, a digit or an emoji (a title may be
 * one emoji). A glyph alone, such as the ⋮ of a menu button, does not: it is no title.
 */
export function saysSomething(text: string): boolean {
  return /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(text);
}

export function isText(value: unknown): value is string {
  return typeof value === 'string';
}
