import type { Page } from '@playwright/test';
import { EXTENSION_HOST_TAG } from '../../lib/extension/content/ui-host';

/**
 * The page's DOM as text, with the extension's one host element left out, so that a page with the
 * extension can be compared with the same page without it.
 *
 * Only the ids jsPlumb (and its drag library, Katavorio) make up on every load are normalised:
 * two loads of the same spec without the extension differ in exactly these four attributes
 * (reliability-read-only.spec.ts checks that on every run), so nothing else is hidden.
 */
export const JSPLUMB_RANDOM_ATTRIBUTES = [
  'data-jtk-managed',
  'data-jtk-container',
  'katavorio-draggable',
  'jtk-overlay-id',
] as const;

const RANDOM_VALUE = new RegExp(`\\b(${JSPLUMB_RANDOM_ATTRIBUTES.join('|')})="[^"]*"`, 'g');

export function normaliseJsPlumbIds(html: string): string {
  return html.replace(RANDOM_VALUE, '$1="#"');
}

export interface DomSnapshot {
  /** The document's markup, one element per line, host removed, jsPlumb ids normalised. */
  html: string;
  title: string;
  /** Style sheets adopted by the document (an extension could add some without touching the DOM). */
  adoptedStyleSheets: number;
  /** Global names the page's own JavaScript world sees (content scripts live in another world). */
  globals: string[];
  /** The extension's host elements: where they sit, so a test can check there is at most one, on body. */
  hosts: string[];
}

export async function snapshotDom(page: Page): Promise<DomSnapshot> {
  const raw = await page.evaluate((hostTag) => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const host of clone.querySelectorAll(hostTag)) host.remove();
    return {
      html: clone.outerHTML,
      title: document.title,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      globals: Object.getOwnPropertyNames(window).sort(),
      hosts: [...document.querySelectorAll(hostTag)].map((host) => host.parentElement?.tagName ?? '(none)'),
    };
  }, EXTENSION_HOST_TAG);
  return { ...raw, html: normaliseJsPlumbIds(raw.html).replace(/></g, '>\n<') };
}

/** The snapshot without the host list, for comparing a page with the extension to one without. */
export function comparable(snapshot: DomSnapshot): Omit<DomSnapshot, 'hosts'> {
  const { hosts: _hosts, ...rest } = snapshot;
  return rest;
}

/** The first lines where two markups differ, with a little context, for a readable failure. */
export function firstDifference(a: string, b: string, context = 2): string | null {
  const left = a.split('\n');
  const right = b.split('\n');
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    if (left[i] === right[i]) continue;
    const from = Math.max(0, i - context);
    return [
      `line ${i + 1}:`,
      ...left.slice(from, i + context + 1).map((line) => `  with:    ${line}`),
      ...right.slice(from, i + context + 1).map((line) => `  without: ${line}`),
    ].join('\n');
  }
  return null;
}
