import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type AuditOptions, audit } from '../../audit/audit';
import { auditSummary } from '../../audit/badge';
import type { Report } from '../../audit/report';
import { outcomeOf } from '../../history/history';
import type { PageModel } from '../../model/model';
import type { AcceptFinding, MountOverlay, Overlay } from '../../overlay/overlay';
import type { CardsRead } from '../../reader/collect';
import type { Settings } from '../../settings/settings';
import { exportStructure } from '../../structure/export';
import type { ListMemory } from '../../visit/visit';
import type { ActiveConfig } from '../messaging/active-config';
import type { ExportStructureResponse } from '../messaging/content-answers';
import {
  getReportRequest,
  listen,
  locateStepRequest,
  noRequest,
  type ReportChanged,
  reportResponse,
  sendMessage,
  storedChangedRequest,
} from '../messaging/messages';
import { type AuditResult, type AuditSession, startAuditSession } from '../session/audit-session';
import { askActiveConfig, warnNotices } from './ask-config';
import type { AuditModule } from './audit-module';
import { LOG_PREFIX } from './log';
import { EXTENSION_HOST_TAG } from './ui-host';

/**
 * The audit module's work (audit-module.ts): on a sequence page, everything the content script
 * does. It runs in the content script's isolated world, imported there by the loader.
 */

const FAILED_BADGE = { text: '!', color: '#5f6368' };

function tellBackground(report: ReportChanged, failed: () => void = () => {}): void {
  // The worker may be asleep or reloading; the next audit sends again.
  sendMessage('reportChanged', report).catch(failed);
}

/** What the sequence list showed this browser session, from the background that keeps it. */
async function askListMemory(): Promise<ListMemory> {
  // The worker may be asleep or reloading: nothing remembered, as on a first visit.
  return sendMessage('getListMemory').catch(() => ({}));
}

function saveListMemory(memory: ListMemory): void {
  sendMessage('saveListMemory', memory).catch(() => {});
}

function toolOf(): AuditOptions['tool'] {
  const manifest = browser.runtime.getManifest();
  return { name: manifest.name, version: manifest.version };
}

/** The report of a page with no audit session (yet), made only when asked. */
function idleResult(tool: AuditOptions['tool'], settings: Settings): Extract<AuditResult, { error: null }> {
  const page: PageModel = { kind: 'other', url: location.href };
  return { report: audit(page, { now: new Date(), tool, settings }), page, error: null };
}

async function start(
  ctx: ContentScriptContext,
  config: ActiveConfig,
  mountOverlay: MountOverlay,
): Promise<void> {
  const tool = toolOf();
  const loadConfig = async (): Promise<ActiveConfig> => warnNotices(await askActiveConfig());
  let settings = config.settings;
  let accepted = config.accepted;
  let profile = config.profile;
  let profileSource = config.profileSource;
  // The profile the latest audit read the page with (one inferred from it, when the active one did not fit).
  let readWith = profile;
  let overlay: Overlay | null = null;

  function showInline(report: Report | null, cards: CardsRead | null = null): void {
    try {
      if (!report || !settings.inlineWarnings || report.page.kind !== 'editor') {
        overlay?.destroy();
        overlay = null;
        return;
      }
      overlay ??= mountOverlay(window, () => readWith, acceptOnCard);
      overlay.update(report, cards);
    } catch (error) {
      console.error(LOG_PREFIX, 'the inline warnings failed:', error);
    }
  }

  // Accepted on a card: the background keeps it, and every tab reads it back as it reads the settings.
  const acceptOnCard: AcceptFinding = ({ ruleId, kind, steps }, reason) => {
    const sequenceId = session?.latest()?.report?.sequence?.id;
    if (!sequenceId) return;
    sendMessage('acceptFinding', { sequenceId, finding: { ruleId, kind, steps: [...steps] }, reason }).catch(
      (error: unknown) => console.error(LOG_PREFIX, 'accepting a finding failed:', error),
    );
  };

  /** `visit`: when the session starts, for the history (its later audits replace its outcome). */
  const startSession = (listSeen: ListMemory, visit: string) => {
    let newVisit = true;
    // The builder re-audits on every change: the outcome goes with a report only when it changed
    // (the background reads and writes the history whole), and again after a send that failed.
    let outcomeSent = '';
    const tell = (
      badge: ReportChanged['badge'],
      kind: ReportChanged['kind'],
      audited?: { report: Report; page: PageModel },
    ) => {
      const made =
        audited?.page.kind === 'editor' ? outcomeOf(audited.report, audited.page.sequence, visit) : null;
      const { at: _at, ...what } = made?.outcome ?? {};
      const key = made ? JSON.stringify([made.sequenceId, made.name, made.status, what]) : '';
      const outcome = made && key !== outcomeSent ? made : null;
      if (outcome) outcomeSent = key;
      tellBackground({ badge, kind, newVisit, ...(outcome ? { outcome } : {}) }, () => {
        if (outcome) outcomeSent = '';
      });
      newVisit = false;
    };
    return startAuditSession(window, {
      profile,
      profileSource,
      settings: () => settings,
      accepted: () => accepted,
      tool,
      // The overlay's host (a search of the whole canvas on every mutation batch would cost more).
      ownHost: () => overlay?.host ?? null,
      listMemory: { initial: listSeen, save: saveListMemory },
      // The extension updated or reloaded: this copy's session ends with its context.
      signal: ctx.signal,
      onReport(report, page, profileRead, cards) {
        // An orphan (the extension reloaded, no newer copy injected) finds out here, at its next
        // audit: reading `isInvalid` runs the clean-up below instead of drawing.
        if (ctx.isInvalid) return;
        readWith = profileRead;
        showInline(report, cards);
        tell(auditSummary(report), report.page.kind, { report, page });
      },
      onError() {
        if (ctx.isInvalid) return;
        showInline(null);
        tell(FAILED_BADGE, 'unrecognised');
      },
    });
  };
  // The loader starts this module on a sequence page, or as the app navigates to one (before
  // `location` shows the new address): either way there is a sequence to audit.
  let session: AuditSession | null = null;
  // When `session` started: the visit the history keeps its outcome under, which the popup's
  // step map needs to tell this visit's audits from earlier ones.
  let visit: string | null = null;
  const begin = (listSeen: ListMemory) => {
    visit = new Date().toISOString();
    session = startSession(listSeen, visit);
  };
  // What the sequence list showed: kept by the background, the session working on its copy.
  const listSeen = await askListMemory();
  if (!ctx.isInvalid) begin(listSeen);

  // Settings and a profile override saved on the options page apply at once; a new profile
  // reads the page again from scratch.
  let changes = 0;
  const configChanged = () => {
    const change = ++changes;
    void loadConfig().then((next) => {
      if (change !== changes || ctx.isInvalid) return; // a later change is being loaded
      settings = next.settings;
      accepted = next.accepted;
      if (next.profileSource === profileSource && JSON.stringify(next.profile) === JSON.stringify(profile)) {
        session?.auditNow();
        return;
      }
      profile = next.profile;
      profileSource = next.profileSource;
      if (!session) return;
      const seen = session.listSeen();
      session.stop();
      overlay?.destroy();
      overlay = null;
      begin(seen);
    });
  };

  const stopListening = [
    // The background tells of a stored change: the options page saved, or another tab saw the list.
    listen('storedChanged', storedChangedRequest, (what) => {
      if (what === 'config') return configChanged();
      void askListMemory().then((memory) => session?.rememberList(memory));
    }),
    listen('getReport', getReportRequest, (request) => {
      if (!session) return reportResponse(idleResult(tool, settings), request);
      const result = request.withTimeline
        ? session.latestWithTimeline()
        : (session.latest() ?? session.auditNow());
      return reportResponse(result, request, { inferredProfile: session.inferredProfile(), visit });
    }),
    listen('locateStep', locateStepRequest, (ref) => {
      try {
        // With inline warnings off, the overlay is mounted empty just for the highlight.
        overlay ??= mountOverlay(window, () => readWith, acceptOnCard);
        return { found: overlay.locate(ref) };
      } catch (error) {
        console.error(LOG_PREFIX, 'locating a step failed:', error);
        return { found: false };
      }
    }),
    listen('exportStructure', noRequest, (): ExportStructureResponse => {
      try {
        // The active profile says what its selectors match; the one that read the page (inferred
        // when the active one did not fit) knows where this markup puts titles, labels and names.
        const structure = exportStructure(document, profile, {
          url: location.href,
          tool,
          skipTag: EXTENSION_HOST_TAG,
          readWith,
        });
        return { structure, error: null };
      } catch (error) {
        console.error(LOG_PREFIX, 'exporting the page structure failed:', error);
        return { structure: null, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  ];

  // The extension was updated or reloaded: a newer copy of the content script takes the page
  // over (WXT tells the loader's context when it starts), or none will until the page reloads.
  // Either way this copy stops observing and takes its UI away, so the page never shows two
  // overlays or a stale one.
  ctx.onInvalidated(() => {
    overlay?.destroy();
    overlay = null;
    try {
      for (const stop of stopListening) stop();
    } catch {
      // An orphaned script's extension API may be gone already, and its listeners with it.
    }
  });
}

/** The audit module, drawing its inline warnings with `mountOverlay` (a view, handed in by its entry point). */
export function auditModuleWith(mountOverlay: MountOverlay): AuditModule {
  return { start: (ctx, config) => start(ctx, config, mountOverlay) };
}
