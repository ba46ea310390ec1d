import { type AuditOptions, audit } from '../../audit/audit';
import type { Report } from '../../audit/report';
import type { KartraProfile } from '../../kartra/profile';
import type { PageModel, ProfileSource, SequenceModel } from '../../model/model';
import { type CardsRead, createPageReader } from '../../reader';
import { fitsWell } from '../../reader/fit';
import { mergeTabs } from '../../reader/merge-tabs';
import { defaultSettings } from '../../settings/settings';
import { defaultTimeZone, ZoneClocks } from '../../time/timing';
import { withTimeline } from '../../timeline/report-timeline';
import type { ListMemory, VisitObservations } from '../../visit/visit';
import { LOG_PREFIX } from '../content/log';
import type { PageWindow } from '../content/page-window';
import type { AuditResult } from '../messaging/messages';
import { watchBuilder } from './builder-watch';
import { watchCanvas } from './canvas-watch';
import { latestResult } from './latest-result';
import { listSeen } from './list-seen';
import { auditScheduler } from './scheduler';

/**
 * The content script's state for one page visit: reads the page, merges what it saw of each
 * sub-sequence tab of the same sequence, audits, and re-audits when the builder changes. Made of
 * parts that each own one thing (the scheduler, the builder watch, the canvas watch, the list
 * seen, the latest result), all ended by one abort. Takes `window` as an argument so it runs
 * under a test DOM too.
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
   * Called after every successful audit with the new report, the page model it was made from,
   * the profile that read the page and the cards that read found (for the inline warnings).
   */
  onReport: (report: Report, page: PageModel, readWith: KartraProfile, cards: CardsRead | null) => void;
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

export type { PageWindow } from '../content/page-window';
export type { AuditResult } from '../messaging/messages';

/**
 * Each audit (read, check, and the report's consumers drawing it) is a User Timing measure of
 * this name, so anyone can see its cost in DevTools' Performance panel or with a
 * PerformanceObserver; the benchmark reads it the same way. Only the latest stays in the
 * page's buffer, so a long session does not pile entries up.
 */
export const AUDIT_MEASURE = 'kartra-auditor:audit';

export { PRESS_LIMIT_MS } from './scheduler';

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
  const scheduler = auditScheduler(win, throttleMs, () => auditNow(), signal);
  // Asking Intl for the browser's zone loads its zone data (tens of ms on a page's first call):
  // once per page, and only on a page that is audited for dates (not every Kartra page).
  let browserZone: string | null = null;
  const timeZone = () => (browserZone ??= defaultTimeZone());
  // The zones' clocks, kept across audits: the offsets one audit read serve the next ones.
  const clocks = new ZoneClocks();
  const list = listSeen(options.listMemory?.initial ?? {}, options.listMemory?.save ?? null);
  const canvas = watchCanvas(win, options.profile.words.saveProgress, () => auditNow(), signal);
  const latest = latestResult((result) =>
    // Only a builder has a timeline; asking Intl for the zone elsewhere would load its data.
    result.page.kind === 'editor'
      ? withTimeline(result.report, result.page, options.settings() ?? defaultSettings(), timeZone(), clocks)
      : result.report,
  );

  /** `readWell`: the tabs this read showed, when it fitted well. */
  function observations(page: PageModel, now: Date, readWell: readonly string[]): VisitObservations {
    if (page.kind !== 'editor') return { listSeen: null, unsaved: null };
    return {
      listSeen: list.of(page.sequence.id),
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
    let result: AuditResult;
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
      if (page.kind === 'list') list.remember(page.rows, now.toISOString());
      const report = audit(page, {
        settings: options.settings(),
        ...(options.accepted ? { accepted: options.accepted() } : {}),
        now,
        ...(page.kind === 'editor' || page.kind === 'list' ? { timeZone: timeZone(), clocks } : {}),
        tool: options.tool,
        readMs,
        visit: observations(page, now, readWell),
      });
      result = { report, page, error: null };
      latest.set(result);
      const drawStarted = win.performance.now();
      options.onReport(report, page, inferred ?? options.profile, read.cards);
      report.timing.renderMs = win.performance.now() - drawStarted;
    } catch (error) {
      // A bug of ours must never break the builder: log it, tell the popup, keep observing.
      const message = error instanceof Error ? error.message : String(error);
      console.error(LOG_PREFIX, 'the audit failed:', error);
      result = { report: null, page: null, error: message };
      latest.set(result);
      inferred = null;
      options.onError?.(message);
    }
    measure(win.performance, started);
    // A page that stopped changing right after a poor read would keep it: read again when the
    // reader may look for a better profile (a change before then reads as usual).
    scheduler.retryAt(retryAt);
    return result;
  }

  // The region is where the profile that read the page finds the builder (an inferred one's own).
  const region = (): Element | null => {
    const profile = inferred ?? options.profile;
    try {
      return win.document.querySelector(`${profile.editor.root}, ${profile.list.root}`);
    } catch {
      // A profile whose root selector does not parse: no region, as on a page not read yet.
      return null;
    }
  };
  watchBuilder(win, {
    region,
    ownHost: () => options.ownHost?.() ?? null,
    regionless: () => {
      const kind = latest.get()?.page?.kind;
      return kind === 'unrecognised' || kind === 'list';
    },
    changed: scheduler.schedule,
    signal,
  });
  if (options.signal?.aborted) stopping.abort();

  auditNow();

  return {
    latest: latest.get,
    latestWithTimeline: () => latest.withTimeline(latest.get() ?? auditNow()),
    inferredProfile: () => inferred,
    auditNow,
    listSeen: list.all,
    rememberList(memory) {
      list.replace(memory);
      if (latest.get()?.page?.kind === 'editor') scheduler.schedule();
    },
    stop: () => stopping.abort(),
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
