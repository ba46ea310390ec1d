import type { QuietHours } from '../time/quiet-hours';

/** Where rule pages live in the repository; the default link target of every export. */
export const RULE_DOCS_PATH = 'docs/rules/';

export interface ExportOptions {
  /**
   * Base that rule ids are appended to, e.g. `https://example.org/docs/rules/`. Only http(s)
   * URLs and relative paths are used; anything else (javascript:, data:...) falls back to the
   * repository-relative `docs/rules/`.
   */
  docsBase?: string;
  /** Which hours the timeline marks as quiet (the settings' quietHours; default 9 PM to 8 AM and weekends). */
  quietHours?: QuietHours;
}

function safeBase(base: string | undefined): string {
  if (base === undefined) return RULE_DOCS_PATH;
  const trimmed = base.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (trimmed === '' || (scheme !== undefined && scheme !== 'http' && scheme !== 'https'))
    return RULE_DOCS_PATH;
  // Characters that would end a Markdown link or an HTML attribute early.
  const encoded = trimmed.replace(
    /[\s()<>"'`\\]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function encodePathSegment(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    // A lone surrogate cannot be encoded; rule ids are ASCII, so this only guards odd input.
    return segment.replace(/[^A-Za-z0-9._-]/g, '-');
  }
}

/** The rule's doc page: `docs/rules/<ruleId>.md`, or under `docsBase` when one is given. */
export function ruleDocHref(ruleId: string, options: ExportOptions = {}): string {
  return `${safeBase(options.docsBase)}${encodePathSegment(ruleId)}.md`;
}
