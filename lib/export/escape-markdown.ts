import { displayText } from './text';

// Every ASCII punctuation mark that can open formatting, a link or image ([ ]), raw HTML or an
// autolink (< >), a code span, a heading, a table cell, strikethrough or math ($, GitHub) in
// CommonMark/GFM. Backslash-escaping is valid for all of them and renders as the character itself.
// An ampersand only matters when it starts an entity ("&#60;" would render as "<").
const INLINE_SPECIALS = /[\\`*_[\]<>#|~$]|&(?=#?[a-z0-9]+;)/gi;
// At the start of a line (page text often follows a list marker, where a block can start too):
// bullets, thematic breaks and setext underlines (- + =), ordered-list markers ("1. ", "2)").
// Headings, quotes, code and HTML are already escaped as inline specials.
const LEADING_BLOCK_MARKER = /^(\d{1,9})([.)])(?=\s|$)|^([-+=])/;
// Bare URLs and e-mail addresses that GFM would turn into links on its own.
const AUTOLINK_SCHEME = /([a-z][a-z0-9+.-]*):\/\//gi;
const AUTOLINK_WWW = /\b(www)\./gi;

/**
 * Page text as inline Markdown that renders as exactly that text: it can neither format, nor
 * link, nor inject HTML, nor start a block. Whitespace is folded to one line so the text stays
 * inside the list item or paragraph it is written in.
 */
export function escapeMarkdown(text: string): string {
  return displayText(text)
    .replace(INLINE_SPECIALS, '\\$&')
    .replace(AUTOLINK_SCHEME, '$1\\://')
    .replace(AUTOLINK_WWW, '$1\\.')
    .replace(/@/g, '\\@')
    .replace(LEADING_BLOCK_MARKER, (_match, digits?: string, dot?: string, sign?: string) =>
      digits !== undefined ? `${digits}\\${dot}` : `\\${sign}`,
    );
}

/** Text as a code span (no escapes are read inside one), with a fence longer than any backtick run. */
export function markdownCode(text: string): string {
  const flat = displayText(text);
  if (flat === '') return '';
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
