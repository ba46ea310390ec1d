import type { Page } from '@playwright/test';
import { AUDIT_MEASURE } from '../../lib/extension/session/audit-session';
import type { KartraProfile } from '../../lib/kartra/profile';

/**
 * Code the benchmark runs inside the pages, kept as plain JavaScript source: functions compiled
 * by tsx carry helper calls (`__name`) that do not exist in a page.
 */

/** The page's record of the extension's audits and of the benchmark's own clicks. */
export const RECORDER_GLOBAL = '__kartraAuditorBench';

/**
 * Installed before any page script runs (main world). The content script's User Timing measures
 * land in the page's one performance timeline, so an observer here sees every audit, even the
 * ones the content script has already cleared from the buffer.
 */
export const RECORDER_SCRIPT = `(() => {
  const record = { audits: [], clicks: [] };
  Object.defineProperty(window, ${JSON.stringify(RECORDER_GLOBAL)}, { value: record });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === ${JSON.stringify(AUDIT_MEASURE)}) record.audits.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: 'measure' });
  document.addEventListener('click', (event) => {
    const target = event.target;
    if (target instanceof Element && target.closest('[role=menuitem]')) record.clicks.push(performance.now());
  }, true);
})()`;

export interface AuditEntry {
  /** Page time (ms since navigation) the audit started. */
  start: number;
  ms: number;
}

export function auditsSoFar(page: Page): Promise<AuditEntry[]> {
  return page.evaluate(`window[${JSON.stringify(RECORDER_GLOBAL)}].audits.slice()`);
}

export function menuClicksSoFar(page: Page): Promise<number[]> {
  return page.evaluate(`window[${JSON.stringify(RECORDER_GLOBAL)}].clicks.slice()`);
}

export function pageNow(page: Page): Promise<number> {
  return page.evaluate('performance.now()');
}

/**
 * A change the content script sees (a mutation inside the builder, the only region it watches)
 * that changes nothing it reads: an attribute no profile names, on the builder's root.
 */
export function harmlessChange(page: Page, tick: number, builderRoot: string): Promise<void> {
  return page.evaluate(
    `document.querySelector(${JSON.stringify(builderRoot)})?.setAttribute('data-bench-tick', ${JSON.stringify(String(tick))})`,
  );
}

/** Selectors of what the floor touches: the same cards, fields, nodes and lines the reader reads. */
export function floorSelectors(profile: KartraProfile) {
  const f = profile.card.fields;
  return {
    canvas: profile.editor.canvas,
    module: profile.startingRules.module,
    card: profile.card.root,
    // A profile inferred from the page may name no selector for a field (read by its words).
    fields: [
      f.number,
      f.kindLabel,
      f.title,
      f.timing,
      f.window,
      f.recipients,
      f.goto,
      f.action,
      f.inactiveLabel,
    ].filter((selector): selector is string => selector !== undefined),
    node: profile.graph.node,
    line: profile.graph.line,
  };
}

/**
 * The floor: the least any reader of this page must do. It queries the cards, nodes and lines,
 * reads each one's box once and the card fields' text, and builds nothing from them. Returns its
 * time in ms and what it touched (so the work cannot be skipped).
 */
export function runFloor(page: Page, selectors: ReturnType<typeof floorSelectors>): Promise<FloorResult> {
  return page.evaluate(floorSource(selectors));
}

export interface FloorResult {
  ms: number;
  cards: number;
  nodes: number;
  lines: number;
  chars: number;
  sink: number;
}

function floorSource(selectors: ReturnType<typeof floorSelectors>): string {
  return `((s) => {
    const t0 = performance.now();
    const scope = document.querySelector(s.canvas) || document;
    let sink = 0;
    let chars = 0;
    const module = scope.querySelector(s.module);
    if (module) { sink += module.getBoundingClientRect().x; chars += (module.textContent || '').length; }
    const cards = scope.querySelectorAll(s.card);
    for (const card of cards) {
      for (const field of s.fields) {
        const el = card.querySelector(field);
        if (el) chars += (el.textContent || '').length;
      }
      sink += card.getBoundingClientRect().x;
    }
    const nodes = scope.querySelectorAll(s.node);
    for (const node of nodes) sink += node.getBoundingClientRect().x;
    const lines = scope.querySelectorAll(s.line);
    for (const line of lines) sink += line.getBoundingClientRect().x;
    const ms = performance.now() - t0;
    return { ms, cards: cards.length, nodes: nodes.length, lines: lines.length, chars, sink };
  })(${JSON.stringify(selectors)})`;
}

/**
 * The same floor in an isolated world of the page, as a content script runs: DOM access from an
 * isolated world goes through its own wrappers and costs more than from the page's own scripts,
 * so this is the least a content script can do.
 */
export async function isolatedFloor(
  page: Page,
  selectors: ReturnType<typeof floorSelectors>,
): Promise<() => Promise<FloorResult>> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'kartra-auditor-bench-floor',
  });
  const expression = floorSource(selectors);
  return async () => {
    const result = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
    });
    if (result.exceptionDetails)
      throw new Error(`the isolated floor failed: ${result.exceptionDetails.text}`);
    return result.result.value as FloorResult;
  };
}

/** axe-core's full run on the document, timed inside the page (axe must be injected first). */
export function runAxe(page: Page): Promise<{ ms: number; violations: number }> {
  return page.evaluate(`(async () => {
    const t0 = performance.now();
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return { ms: performance.now() - t0, violations: result.violations.length };
  })()`);
}

/**
 * In the popup page, before its scripts: a promise of the page time at which the report's counts
 * appear, and of when the HTML was parsed. Awaiting it is one evaluate: Playwright's locators
 * would inject their own script into the popup and compete with it for the main thread.
 */
export const POPUP_SHOWN_GLOBAL = '__kartraAuditorPopupShown';
export const POPUP_SHOWN_SCRIPT = `(() => {
  window[${JSON.stringify(POPUP_SHOWN_GLOBAL)}] = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const counts = document.querySelector('.counts');
      if (!counts) return;
      const box = counts.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return;
      observer.disconnect();
      const shown = performance.now();
      resolve({ shown, parsed: performance.getEntriesByType('navigation')[0]?.domInteractive });
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  });
})()`;
