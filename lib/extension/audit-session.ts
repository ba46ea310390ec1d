import { type AuditOptions, audit } from '../audit/audit';
import type { Report } from '../audit/report';
import type { KartraProfile } from '../kartra/profile';
import type { ListRow, PageModel, ProfileSource, SequenceModel } from '../model/model';
import { type CardsRead, createPageReader } from '../reader';
import { fitsWell } from '../reader/fit';
import { mergeTabs } from '../reader/merge-tabs';
import { defaultSettings } from '../settings/settings';
import { defaultTimeZone, ZoneClocks } from '../time/timing';
import { withTimeline } from '../timeline/report-timeline';
import {
  type CanvasSnapshot,
  compareTab,
  type ListMemory,
  snapshotTabs,
  type UnsavedChange,
  type VisitObservations,
} from '../visit/visit';
import { auditScheduler } from './audit-scheduler';
import { LOG_PREFIX } from './log';
import type { AuditResult } from './messages';
import { isClickOn } from './save-control';

/**
 * The content script's state for one page visit: reads the page, merges what it saw of each
 * sub-sequence tab of the same sequence, audits, and re-audits when the builder changes.
 * Takes `window` as an argument so it runs under a test DOM too.
 */

export interface AuditSessionOptions {
  profile: KartraProfile;
  /** Where the profile came from; default built-in. */
  profileSource?: ProfileSource;
  settings: () => AuditOptions['settings'];
  /** The findings the user accepted, by sequence id, as stored now. */
  accepted?: () => AuditOptions['accepted'];
  tool: AuditOptions['tool'];
  /**
   * Called after every successful audit with the new report, the profile that read the page
   * and the cards that read found (for the inline warnings).
   */
  onReport: (report: Report, readWith: KartraProfile, cards: CardsRead | null) => void;
  /** Called when an audit throws (already logged). */
  onError?: (message: string) => void;
  /** Mutations inside this element (the extension's own UI) never trigger a re-audit. */
  ownHost?: () => Element | null;
  /** At most one audit per this many milliseconds while the page keeps changing. */
  throttleMs?: number;
  /**
   * What the sequence list showed earlier in this browser session, and where to keep what it
   * shows now (the session's copy is the working one; `save` persists it).
   */
  listMemory?: { initial: ListMemory; save: (memory: ListMemory) => void };
  /**
   * Ends the session when it aborts (the content script's context, invalidated when the extension
   * is updated or reloaded): every listener, the observer and the timers go with one abort.
   */
  signal?: AbortSignal;
}

export type { AuditResult } from './messages';

/**
 * Each audit (read, check, and the report's consumers drawing it) is a User Timing measure of
 * this name, so anyone can see its cost in DevTools' Performance panel or with a
 * PerformanceObserver; the benchmark reads it the same way. Only the latest stays in the
 * page's buffer, so a long session does not pile entries up.
 */
export const AUDIT_MEASURE = 'kartra-auditor:audit';

export { PRESS_LIMIT_MS } from './audit-scheduler';

export interface AuditSession {
  latest: () => AuditResult | null;
  /**
   * The latest result (auditing now when there is none), its report with its timeline: worked
   * out on the first ask after each audit, then kept (see withTimeline).
   */
  latestWithTimeline: () => AuditResult;
  /** The profile inferred from this page, when the audit uses one (for "Keep this profile"). */
  inferredProfile: () => KartraProfile | null;
  /** Audits now, whatever the throttle says. */
  auditNow: () => AuditResult;
  /** What another tab saw on the sequence list since (re-audits when it matters here). */
  rememberList: (memory: ListMemory) => void;
  /** What the sequence list showed, as this session knows it (for the session that follows it). */
  listSeen: () => ListMemory;
  stop: () => void;
}

/** The page's window, with its constructors (MutationObserver...), real or from a test DOM. */
export type PageWindow = Window & typeof globalThis;

export function startAuditSession(win: PageWindow, options: AuditSessionOptions): AuditSession {
  const throttleMs = options.throttleMs ?? 250;
  // Every listener, the observer and the timers end with this one abort (stop, or the context's).
  const stopping = new AbortController();
  const { signal } = stopping;
  options.signal?.addEventListener('abort', () => stopping.abort(), { signal });
  let merged: SequenceModel | null = null;
  // Inference runs only when the profile does not read the page well, and is remembered for that
  // page: a profile inferred on one sequence has learnt only the fields that sequence showed (no
  // inactive step, no Go To...), so another address the app opens in place starts afresh.
  let reader = createPageReader();
  let readerOf = win.location.href;
  let inferred: KartraProfile | null = null;
  let latest: AuditResult | null = null;
  // The latest result with its report's timeline, once asked for; replaced by the next audit.
  let timelined: { of: AuditResult; result: AuditResult } | null = null;
  const scheduler = auditScheduler(win, throttleMs, () => auditNow(), signal);
  const schedule = scheduler.schedule;
  // Asking Intl for the browser's zone loads its zone data (tens of ms on a page's first call):
  // once per page, and only on a page that is audited for dates (not every Kartra page).
  let browserZone: string | null = null;
  const timeZone = () => (browserZone ??= defaultTimeZone());
  // The zones' clocks, kept across audits: the offsets one audit read serve the next ones.
  const clocks = new ZoneClocks();
  let listMemory: ListMemory = { ...options.listMemory?.initial };
  const canvas = canvasWatch();

  function rememberRows(rows: readonly ListRow[], seenAt: string): void {
    if (!options.listMemory) return;
    let changed = false;
    for (const row of rows) {
      if (row.status === null) continue;
      listMemory[row.id] = { ...row, status: row.status, seenAt };
      changed = true;
    }
    if (changed) options.listMemory.save(listMemory);
  }

  /** `readWell`: the tabs this read showed, when it fitted well. */
  function observations(page: PageModel, now: Date, readWell: readonly string[]): VisitObservations {
    if (page.kind !== 'editor') return { listSeen: null, unsaved: null };
    return {
      listSeen: listMemory[page.sequence.id] ?? null,
      unsaved: canvas.compare(page.sequence, now, readWell),
    };
  }

  // A read that threw (a bug of ours, or a profile that breaks the reader) is caught by the
  // reader; it is logged once per failure, not on every change of the page.
  let loggedFailure: string | null = null;
  function logReaderFailure(failure: string | null): void {
    if (failure !== null && failure !== loggedFailure)
      console.error(LOG_PREFIX, 'reading the page failed:', failure);
    loggedFailure = failure;
  }

  function auditNow(): AuditResult {
    const started = win.performance.now();
    scheduler.started(started);
    if (win.location.href !== readerOf) {
      reader = createPageReader();
      readerOf = win.location.href;
    }
    let retryAt: number | null = null;
    try {
      const read = reader.read(win.document, win.location.href, options.profile, {
        source: options.profileSource ?? 'built-in',
        ignore: options.ownHost?.() ?? null,
        now: started,
      });
      logReaderFailure(read.failure);
      retryAt = read.retryAt;
      inferred = read.inferred;
      let page = read.page;
      const readWell =
        page.kind === 'editor' && (!page.reading || fitsWell(page.reading)) ? page.sequence.tabs.seen : [];
      if (page.kind === 'editor') {
        // Another sequence opened inside the app: forget the previous one's tabs.
        merged = mergeTabs(merged?.id === page.sequence.id ? merged : null, page.sequence);
        page = { ...page, sequence: merged };
      } else {
        merged = null;
      }
      const readMs = win.performance.now() - started;
      const now = new Date();
      if (page.kind === 'list') rememberRows(page.rows, now.toISOString());
      const report = audit(page, {
        settings: options.settings(),
        ...(options.accepted ? { accepted: options.accepted() } : {}),
        now,
        ...(page.kind === 'editor' || page.kind === 'list' ? { timeZone: timeZone(), clocks } : {}),
        tool: options.tool,
        readMs,
        visit: observations(page, now, readWell),
      });
      latest = { report, page, error: null };
      const drawStarted = win.performance.now();
      options.onReport(report, inferred ?? options.profile, read.cards);
      report.timing.renderMs = win.performance.now() - drawStarted;
    } catch (error) {
      // A bug of ours must never break the builder: log it, tell the popup, keep observing.
      const message = error instanceof Error ? error.message : String(error);
      console.error(LOG_PREFIX, 'the audit failed:', error);
      latest = { report: null, page: null, error: message };
      inferred = null;
      options.onError?.(message);
    }
    measure(win.performance, started);
    // A page that stopped changing right after a poor read would keep it: read again when the
    // reader may look for a better profile (a change before then reads as usual).
    scheduler.retryAt(retryAt);
    return latest;
  }

  // Save Progress commits what the canvas shows: heard passively, before the app handles it.
  const saveLabel = options.profile.words.saveProgress;
  const onClick = (event: Event) => {
    if (!isClickOn(event.target, saveLabel)) return;
    canvas.saveSeen();
    auditNow();
  };
  win.addEventListener('click', onClick, { capture: true, passive: true, signal });

  // Only the builder (or the list) can change the audit: a ticking clock or a chat widget
  // elsewhere in Kartra's page must not wake the reader. The region appearing, going or being
  // replaced by the app counts as a change.
  // The region is where the profile that read the page finds the builder (an inferred one's own).
  const regionNow = (): Element | null => {
    const profile = inferred ?? options.profile;
    try {
      return win.document.querySelector(`${profile.editor.root}, ${profile.list.root}`);
    } catch {
      // A profile whose root selector does not parse: no region, as on a page not read yet.
      return null;
    }
  };
  let region = regionNow();
  const observer = new win.MutationObserver((records) => {
    const now = regionNow();
    if (now !== region) {
      region = now;
      schedule();
      return;
    }
    // A builder not read yet may still be rendering, in a markup only inference can find; a list
    // read by its links, in markup the profile does not know, has the whole page for its region.
    if (!now) {
      if (latest?.page?.kind === 'unrecognised' || latest?.page?.kind === 'list') schedule();
      return;
    }
    const host = options.ownHost?.() ?? null;
    const ours = (target: Node) => host !== null && (host === target || host.contains(target));
    if (records.some((record) => now.contains(record.target) && !ours(record.target))) schedule();
  });
  observer.observe(win.document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  // The app changes the URL without a reload when another sequence is opened.
  const onNavigate = () => schedule();
  win.addEventListener('popstate', onNavigate, { signal });
  win.addEventListener('hashchange', onNavigate, { signal });
  signal.addEventListener('abort', () => observer.disconnect());
  if (options.signal?.aborted) stopping.abort();

  auditNow();

  function latestWithTimeline(): AuditResult {
    const result = latest ?? auditNow();
    if (result.error !== null) return result;
    if (timelined?.of !== result) {
      // Only a builder has a timeline; asking Intl for the zone elsewhere would load its data.
      const report =
        result.page.kind === 'editor'
          ? withTimeline(
              result.report,
              result.page,
              options.settings() ?? defaultSettings(),
              timeZone(),
              clocks,
            )
          : result.report;
      timelined = { of: result, result: { ...result, report } };
    }
    return timelined.result;
  }

  return {
    latest: () => latest,
    latestWithTimeline,
    inferredProfile: () => inferred,
    auditNow,
    listSeen: () => ({ ...listMemory }),
    rememberList(memory) {
      listMemory = { ...memory };
      if (latest?.page?.kind === 'editor') schedule();
    },
    stop: () => stopping.abort(),
  };
}

/**
 * What the canvas showed when each tab was first seen (or when Save Progress was last clicked),
 * for one sequence: a tab's first sight is its baseline, and switching tabs changes nothing.
 * Only a read that fitted well counts as a sight: a poor read (a profile that missed the lines
 * or a Go To) differs from the page without anyone changing it, so a tab is compared as its last
 * good read showed it, and has no baseline until it is read well.
 */
function canvasWatch() {
  let sequenceId: string | null = null;
  let saved: CanvasSnapshot = {};
  let lastGood: CanvasSnapshot = {};
  let lastSaveSeenAt: string | null = null;
  let saveClicked = false;
  return {
    saveSeen(): void {
      saveClicked = true;
    },
    /** `readWell`: the tabs on screen in this read, when it fitted well. */
    compare(sequence: SequenceModel, now: Date, readWell: readonly string[]): VisitObservations['unsaved'] {
      if (sequence.id !== sequenceId) {
        // Another sequence opened inside the app: what was saved there says nothing here.
        sequenceId = sequence.id;
        saved = {};
        lastGood = {};
        lastSaveSeenAt = null;
      }
      Object.assign(lastGood, snapshotTabs(sequence, readWell));
      const current: CanvasSnapshot = {};
      for (const tab of sequence.tabs.seen) {
        const shown = lastGood[tab];
        if (shown) current[tab] = shown;
      }
      if (saveClicked) {
        saveClicked = false;
        saved = { ...current };
        lastSaveSeenAt = now.toISOString();
      }
      const changes: UnsavedChange[] = [];
      for (const [tab, shown] of Object.entries(current)) saved[tab] ??= shown;
      // A tab no longer seen (deleted from the tab bar) lost all it had.
      for (const [tab, before] of Object.entries(saved))
        changes.push(...compareTab(before, current[tab] ?? { steps: {}, lines: [] }));
      return { changes, lastSaveSeenAt };
    },
  };
}

function measure(performance: Performance, start: number): void {
  try {
    performance.clearMeasures(AUDIT_MEASURE);
    performance.measure(AUDIT_MEASURE, { start, end: performance.now() });
  } catch {
    // Engines without User Timing Level 3 (or test DOMs) simply get no measure.
  }
}
