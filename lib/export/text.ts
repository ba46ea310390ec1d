/**
 * Text hygiene shared by the export builders. Everything read from the page (names, titles,
 * messages quoting them) is untrusted: it may hold control characters, bidi overrides or
 * megabytes of text, and it must never change how a report looks beyond its own words.
 */

// C0 and C1 controls and DEL: invisible, and some (NUL, ESC) upset terminals, mail clients and
// HTML parsers. Tabs and line breaks are among them; they become spaces like other whitespace.
const CONTROL = /\p{Cc}/gu;
// Explicit bidi embeddings, overrides and isolates: they can reorder the text around them
// ("Trojan Source"); right-to-left letters themselves are kept.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/** Longest page text a human-readable export shows before cutting it with an ellipsis. */
export const MAX_DISPLAY_CHARS = 1000;

/** Cuts `text` to at most `max` UTF-16 units plus "…", never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Page text made safe to show on one line: no controls or bidi overrides, whitespace folded, length capped. */
export function displayText(text: string, max = MAX_DISPLAY_CHARS): string {
  const flat = text.replace(CONTROL, ' ').replace(BIDI_CONTROL, '').replace(/\s+/g, ' ').trim();
  return truncate(flat, max);
}
