import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_HOST_TAG } from '../../lib/extension/ui-host';
import { normaliseJsPlumbIds } from './dom-snapshot';

/**
 * A MutationObserver installed in the page before any script runs (the replica's and the
 * extension's alike), recording every change to the document outside the extension's host
 * element, as plain text. The extension's content script lives in an isolated world and cannot
 * see or disturb the recorder, which lives in the page's own world.
 */

declare global {
  interface Window {
    __kartraMutations?: string[];
    __kartraHostMutations?: string[];
  }
}

function recorder(hostTag: string): void {
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
      const index = parent ? Array.prototype.indexOf.call(parent.childNodes, current) : -1;
      const name = current.nodeType === 1 ? (current as Element).tagName.toLowerCase() : `#${current.nodeName.replace('#', '')}`;
      parts.unshift(`${name}[${index}]`);
      current = parent;
    }
    return current === document ? parts.join('>') : `(detached)${parts.join('>')}`;
  };
  const describe = (node: Node): string =>
    node.nodeType === 1 ? (node as Element).outerHTML.slice(0, 300) : `${node.nodeName}:${(node.textContent ?? '').slice(0, 100)}`;
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
        line += ` ${record.attributeName}: ${record.oldValue ?? '(none)'} -> ${element.getAttribute(record.attributeName ?? '') ?? '(none)'}`;
      } else if (record.type === 'characterData') {
        line += ` ${record.oldValue ?? ''} -> ${record.target.textContent ?? ''}`;
      } else {
        line += ` +[${added.map(describe).join(' | ')}] -[${removed.map(describe).join(' | ')}]`;
      }
      outside.push(line);
    }
  });
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
  await target.addInitScript(recorder, EXTENSION_HOST_TAG);
}

export interface RecordedMutations {
  /** Changes outside the extension's host element, jsPlumb's random ids normalised. */
  outside: string[];
  /** The host element being added to or removed from the page. */
  host: string[];
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
