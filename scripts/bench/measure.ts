import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { type KartraProfile, kartraProfile } from '../../lib/kartra/profile';
import type { KartraSession } from '../../tests/harness';
import type { EditorSpec } from '../../tests/replica/spec';
import type { ExtensionReports } from '../../tests/support/extension-report';
import {
  type AuditEntry,
  auditsSoFar,
  floorSelectors,
  harmlessChange,
  isolatedFloor,
  menuClicksSoFar,
  POPUP_SHOWN_GLOBAL,
  POPUP_SHOWN_SCRIPT,
  pageNow,
  runAxe,
  runFloor,
} from './in-page';
import { gaps, maxInWindow, median } from './stats';

/** The content script's throttle: at most one audit per this many ms while the page changes. */
export const THROTTLE_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the recorder holds more than `count` audits; returns the new ones. */
export async function nextAudits(page: Page, count: number, timeoutMs = 30_000): Promise<AuditEntry[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const all = await auditsSoFar(page);
    if (all.length > count) return all.slice(count);
    await sleep(20);
  }
  throw new Error(`no audit measure arrived within ${timeoutMs} ms`);
}

/** Waits until no audit has started for `quietMs` (the page has settled after loading). */
export async function settle(page: Page, quietMs = 1000, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let count = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = (await auditsSoFar(page)).length;
    if (now !== count) {
      count = now;
      since = Date.now();
    } else if (now > 0 && Date.now() - since >= quietMs) return;
    await sleep(100);
  }
  throw new Error('the page did not settle (the extension kept auditing, or never audited)');
}

export interface AuditSample {
  ms: number;
  readMs: number;
  checkMs: number;
  renderMs: number;
  findings: number;
}

/** Rounds run and not kept before the measured ones (see measureAuditsAndFloor). */
export const WARM_UP_ROUNDS = 5;

/**
 * The full audit and the floor, `reps` times each, interleaved so both meet the same machine:
 * the floor runs in the page, then a harmless DOM change wakes the content script, which reads,
 * checks and draws; its own measure says how long that took, and the report of the same audit
 * gives the phases. Both start from the same state: the page idle, its layout clean. The first
 * WARM_UP_ROUNDS are not kept: right after the page loads, the audits collect the garbage of
 * its rendering and compile the reader, which the few lines of the floor do not (on 1,000 steps
 * the first ten audits took 66 ms, the next twenty 55 to 60, against a floor of 27 to 30).
 */
export async function measureAuditsAndFloor(
  page: Page,
  reports: ExtensionReports,
  reps: number,
  profile: KartraProfile = kartraProfile,
): Promise<{ audits: AuditSample[]; floor: number[]; isolatedFloor: number[] }> {
  const selectors = floorSelectors(profile);
  const runIsolated = await isolatedFloor(page, selectors);
  const audits: AuditSample[] = [];
  const floor: number[] = [];
  const isolated: number[] = [];
  for (let i = -WARM_UP_ROUNDS; i < reps; i++) {
    // Past the throttle, so the change is audited at once rather than after a wait.
    await sleep(THROTTLE_MS + 50);
    const bare = await runFloor(page, selectors);
    if (bare.cards === 0) throw new Error('the floor found no cards on the page');
    await sleep(50);
    const isolatedRun = await runIsolated();
    await sleep(THROTTLE_MS + 50);
    const before = (await auditsSoFar(page)).length;
    await harmlessChange(page, i, profile.editor.root);
    const [entry] = await nextAudits(page, before);
    // The report alone: the model and the timeline (hundreds of KB made in the page to answer)
    // would leave their garbage to the next audit; between a user's audits nothing asks for them.
    const report = await reports.currentReport(page);
    if (!entry || !report) throw new Error('the extension did not report after a change');
    if (i < 0) continue;
    floor.push(bare.ms);
    isolated.push(isolatedRun.ms);
    audits.push({
      ms: entry.ms,
      readMs: report.timing.readMs,
      checkMs: report.timing.checkMs,
      renderMs: report.timing.renderMs,
      findings: report.findings.length,
    });
  }
  return { audits, floor, isolatedFloor: isolated };
}

let axeSource: string | null = null;

export async function measureAxe(page: Page, reps: number): Promise<number[]> {
  if (axeSource === null) {
    const require = createRequire(import.meta.url);
    const { readFileSync } = await import('node:fs');
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  await page.evaluate(axeSource);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push((await runAxe(page)).ms);
  return times;
}

function cardOf(page: Page, ref: string) {
  return page.locator(kartraProfile.card.root).filter({
    has: page.locator(kartraProfile.card.fields.number ?? '*', { hasText: new RegExp(`^${ref}$`) }),
  });
}

async function toggleStep(page: Page, ref: string, action: 'Activate' | 'Deactivate'): Promise<void> {
  const card = cardOf(page, ref);
  await card.locator('.js_step_menu').click();
  await page.getByRole('menuitem', { name: action }).click();
}

export interface ReauditSample {
  /** The audit that first saw the change. */
  ms: number;
  /** From the click on Activate to the end of that audit (includes the throttle's wait). */
  latencyMs: number;
}

/**
 * A live re-audit after one change: an inactive step is activated from its ⋮ menu, as a user
 * does; the first audit after the click must see it active. The step is switched off again
 * between repetitions (not measured).
 */
export async function measureReaudits(
  page: Page,
  reports: ExtensionReports,
  ref: string,
  reps: number,
): Promise<ReauditSample[]> {
  const samples: ReauditSample[] = [];
  const inactiveFinding = (report: { findings: { ruleId: string; steps: string[] }[] }) =>
    report.findings.some((f) => f.ruleId === 'step-inactive' && f.steps.includes(ref));
  for (let i = 0; i < reps; i++) {
    await sleep(THROTTLE_MS + 50);
    const clicksBefore = (await menuClicksSoFar(page)).length;
    await toggleStep(page, ref, 'Activate');
    const clickAt = (await menuClicksSoFar(page))[clicksBefore];
    if (clickAt === undefined) throw new Error('the click on Activate was not seen');
    let entry: AuditEntry | undefined;
    const deadline = Date.now() + 30_000;
    while (!entry && Date.now() < deadline) {
      entry = (await auditsSoFar(page)).find((audit) => audit.start >= clickAt);
      if (!entry) await sleep(20);
    }
    if (!entry) throw new Error('no audit followed the activation');
    const seen = await reports.waitFor(page, (report) => !inactiveFinding(report));
    if (inactiveFinding(seen.report)) throw new Error(`the re-audit did not see step ${ref} activated`);
    samples.push({ ms: entry.ms, latencyMs: entry.start + entry.ms - clickAt });
    await sleep(THROTTLE_MS + 50);
    await toggleStep(page, ref, 'Deactivate');
    await reports.waitFor(page, inactiveFinding);
  }
  return samples;
}

export interface PopupSample {
  /** From the popup's navigation start until its report's counts are on screen. */
  totalMs: number;
  /**
   * From the popup's HTML being parsed (the browser has created the page; from here on the time
   * is the extension's: loading its scripts, asking the tab, drawing) until the counts show.
   */
  ownMs: number;
}

/**
 * The popup, opened for the tab `reps` times (a fresh page each time, as a toolbar click opens
 * one).
 */
export async function measurePopup(
  session: KartraSession,
  tabId: number,
  reps: number,
): Promise<PopupSample[]> {
  const samples: PopupSample[] = [];
  const url = `chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`;
  for (let i = 0; i < reps; i++) {
    const popup = await session.context.newPage();
    await popup.addInitScript({ content: POPUP_SHOWN_SCRIPT });
    await popup.goto(url, { waitUntil: 'commit' });
    const { shown, parsed } = (await popup.evaluate(
      `Promise.race([window[${JSON.stringify(POPUP_SHOWN_GLOBAL)}], new Promise((_, no) => setTimeout(() => no(new Error('the popup showed no report within 30 s')), 30000))])`,
    )) as { shown: number; parsed?: number };
    await popup.close();
    if (typeof parsed !== 'number') throw new Error('the popup has no navigation timing');
    samples.push({ totalMs: shown, ownMs: shown - parsed });
  }
  return samples;
}

export interface DragFigures {
  durationMs: number;
  moves: number;
  audits: number;
  minGapMs: number;
  maxPer250ms: number;
  medianAuditMs: number;
}

/**
 * A card dragged for about two seconds with many small mouse moves (jsPlumb moves the card and
 * redraws its lines on every one): how many audits ran, and how close together.
 */
export async function measureDrag(page: Page, ref: string, durationMs = 2000): Promise<DragFigures> {
  const card = cardOf(page, ref);
  await card.scrollIntoViewIfNeeded();
  const title = card.locator(kartraProfile.card.fields.title ?? '*');
  const box = await title.boundingBox();
  if (!box) throw new Error(`step ${ref} is not on screen`);
  await sleep(THROTTLE_MS + 50);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  const startedAt = await pageNow(page);
  await page.mouse.down();
  let moves = 0;
  const begun = Date.now();
  while (Date.now() - begun < durationMs) {
    moves++;
    await page.mouse.move(x + (moves % 60) * 2, y + Math.floor(moves / 60) * 2);
    await sleep(8);
  }
  await page.mouse.up();
  // The audit the last move scheduled may still be waiting out the throttle.
  await sleep(THROTTLE_MS + 100);
  const endedAt = await pageNow(page);
  const audits = (await auditsSoFar(page)).filter((a) => a.start >= startedAt && a.start <= endedAt);
  const starts = audits.map((a) => a.start);
  const between = gaps(starts);
  return {
    durationMs: endedAt - startedAt,
    moves,
    audits: audits.length,
    minGapMs: between.length > 0 ? Math.min(...between) : Number.POSITIVE_INFINITY,
    maxPer250ms: maxInWindow(starts, THROTTLE_MS),
    medianAuditMs: median(audits.map((a) => a.ms)),
  };
}

/** The first inactive step on the Main tab: the one the live re-audit activates. */
export function inactiveStepRef(spec: EditorSpec): string {
  const step = spec.steps.find((s) => !s.active && /^\d+$/.test(s.ref));
  if (!step) throw new Error('the generated spec has no inactive step on the Main tab');
  return step.ref;
}
