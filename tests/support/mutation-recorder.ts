import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_HOST_TAG } from '../../lib/extension/content/ui-host';
import { JSPLUMB_RANDOM_ATTRIBUTES, normaliseJsPlumbIds } from './dom-snapshot';

/**
 * A MutationObserver installed in the page before any script runs (the replica's and the
 * extension's alike), recording every change to the document outside the extension's host
 * element, as plain text, from the end of parsing (DOMContentLoaded; content scripts run later). The extension's content script lives in an isolated world and cannot
 * see or disturb the recorder, which lives in the page's own world.
 */

declare global {
  interface Window {
    __kartraMutations?: string[];
    __kartraHostMutations?: string[];
  }
}

function recorder({
  hostTag,
  randomAttributes,
}: {
  hostTag: string;
  randomAttributes: readonly string[];
}): void {
  const outside: string[] = [];
  const host: string[] = [];
  window.__kartraMutations = outside;
  window.__kartraHostMutations = host;
  const HOST = hostTag.toUpperCase();
  const path = (node: Node | null): string => {
    const parts: string[] = [];
    let current: Node | null = node;
    while (current && current !== document) {
      const parent: Node | null = current.parentNode;
      // Counted without the extension's host, which the page would not have without it.
      const siblings = parent ? [...parent.childNodes].filter((node) => node.nodeName !== HOST) : [];
      const index = siblings.indexOf(current as ChildNode);
      const name =
        current.nodeType === 1
          ? (current as Element).tagName.toLowerCase()
          : `#${current.nodeName.replace('#', '')}`;
      parts.unshift(`${name}[${index}]`);
      current = parent;
    }
    return current === document ? parts.join('>') : `(detached)${parts.join('>')}`;
  };
  // Normalised here, before shortening, so no id is cut in half.
  const randomValue = new RegExp(`\\b(${randomAttributes.join('|')})="[^"]*"`, 'g');
  const describe = (node: Node): string =>
    node.nodeType === 1
      ? (node as Element).outerHTML.replace(randomValue, '$1="#"').slice(0, 300)
      : `${node.nodeName}:${(node.textContent ?? '').slice(0, 100)}`;
  const insideHost = (node: Node | null): boolean => {
    for (let current = node; current; current = current.parentNode ?? (current as ShadowRoot).host ?? null)
      if (current.nodeName === HOST) return true;
    return false;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (insideHost(record.target)) continue;
      const added = [...record.addedNodes];
      const removed = [...record.removedNodes];
      const nodes = [...added, ...removed];
      // The extension's one permitted change outside itself: adding or removing its host.
      if (record.type === 'childList' && nodes.length > 0 && nodes.every((node) => node.nodeName === HOST)) {
        host.push(`${record.type} ${path(record.target)} +${added.length} -${removed.length}`);
        continue;
      }
      let line = `${record.type} ${path(record.target)}`;
      if (record.type === 'attributes') {
        const element = record.target as Element;
        const name = record.attributeName ?? '';
        const shown = (value: string | null) =>
          value === null ? '(none)' : randomAttributes.includes(name) ? '#' : value;
        const now = element.getAttribute(name);
        // Rewriting an attribute with the value it already has (jsPlumb repaints do, on timers)
        // is still recorded, but marked, so comparisons can tell it from a change.
        line = `${record.oldValue === now ? 'same-value ' : ''}${line} ${name}: ${shown(record.oldValue)} -> ${shown(now)}`;
      } else if (record.type === 'characterData') {
        line += ` ${record.oldValue ?? ''} -> ${record.target.textContent ?? ''}`;
      } else {
        line += ` +[${added.map(describe).join(' | ')}] -[${removed.map(describe).join(' | ')}]`;
      }
      outside.push(line);
    }
  });
  // While the HTML parser runs it appends text in chunks whose size depends on timing; the
  // extension's content script starts only after parsing, so recording starts there too.
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      observer.takeRecords();
      outside.splice(0);
      host.splice(0);
    },
    { capture: true, once: true },
  );
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    characterData: true,
    characterDataOldValue: true,
  });
}

/** Installs the recorder in every page the context opens from now on. */
export async function installMutationRecorder(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript(recorder, {
    hostTag: EXTENSION_HOST_TAG,
    randomAttributes: JSPLUMB_RANDOM_ATTRIBUTES,
  });
}

export interface RecordedMutations {
  /** Changes outside the extension's host element, jsPlumb's random ids normalised. */
  outside: string[];
  /** The host element being added to or removed from the page. */
  host: string[];
}

/** Only the mutations that changed something (attribute rewrites with the same value left out). */
export function effective(lines: readonly string[]): string[] {
  return lines.filter((line) => !line.startsWith('same-value '));
}

/** What was recorded so far; `reset` starts a new period. */
export async function takeMutations(page: Page, reset = false): Promise<RecordedMutations> {
  const taken = await page.evaluate((clear) => {
    const outside = [...(window.__kartraMutations ?? ['(no recorder)'])];
    const host = [...(window.__kartraHostMutations ?? [])];
    if (clear) {
      window.__kartraMutations?.splice(0);
      window.__kartraHostMutations?.splice(0);
    }
    return { outside, host };
  }, reset);
  return { outside: taken.outside.map(normaliseJsPlumbIds), host: taken.host };
}
