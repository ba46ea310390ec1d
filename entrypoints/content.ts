import { audit, auditSummary, BADGE_COLORS } from '@/lib/audit';
import { type ActiveConfig, requestActiveConfig, watchStoredConfig } from '@/lib/extension/active-config';
import {
  type AuditResult,
  type AuditSession,
  LOG_PREFIX,
  startAuditSession,
} from '@/lib/extension/audit-session';
import type { ExportStructureResponse } from '@/lib/extension/content-answers';
import { loadListMemory, saveListMemory, watchListMemory } from '@/lib/extension/list-memory';
import {
  getReportRequest,
  listen,
  locateStepRequest,
  noRequest,
  type ReportChanged,
  reportResponse,
  sendMessage,
} from '@/lib/extension/messages';
import { EXTENSION_HOST_TAG } from '@/lib/extension/ui-host';
import type { PageModel } from '@/lib/model';
import { mountOverlay, type Overlay } from '@/lib/overlay/mount-overlay';
import { pageKindOf } from '@/lib/reader';
import type { CardsRead } from '@/lib/reader/collect';
import type { Report } from '@/lib/report';
import { exportStructure } from '@/lib/structure-export';
import type { ListMemory } from '@/lib/visit';

const FAILED_BADGE = { text: '!', color: '#5f6368' };
// What auditSummary gives a page with nothing to audit, without making its report.
const NO_BADGE = { text: '', color: BADGE_COLORS.none };

function tellBackground(report: ReportChanged): void {
  // The worker may be asleep or reloading; the next audit sends again.
  sendMessage('reportChanged', report).catch(() => {});
}

export default defineContentScript({
  matches: ['https://app.kartra.com/*'],
  // Kartra renders some builders inside frames of its own; the background picks the frame that holds one.
  allFrames: true,
  async main(ctx) {
    const manifest = browser.runtime.getManifest();
    const tool = { name: manifest.name, version: manifest.version };
    const loadConfig = async (): Promise<ActiveConfig> => {
      const config = await requestActiveConfig(() => sendMessage('getConfig'));
      for (const notice of config.notices) console.warn(LOG_PREFIX, notice);
      return config;
    };
    const config = await loadConfig();
    let settings = config.settings;
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
        overlay ??= mountOverlay(window, () => readWith);
        overlay.update(report, cards);
      } catch (error) {
        console.error(LOG_PREFIX, 'the inline warnings failed:', error);
      }
    }

    const startSession = (listSeen: ListMemory) => {
      let newVisit = true;
      const tell = (badge: ReportChanged['badge'], kind: ReportChanged['kind']) => {
        tellBackground({ badge, kind, newVisit });
        newVisit = false;
      };
      return startAuditSession(window, {
        profile,
        profileSource,
        settings: () => settings,
        tool,
        // The overlay's host (a search of the whole canvas on every mutation batch would cost more).
        ownHost: () => overlay?.host ?? null,
        listMemory: { initial: listSeen, save: saveListMemory },
        onReport(report, profileRead, cards) {
          // An orphan (the extension reloaded, no newer copy injected) finds out here, at its next
          // audit: reading `isInvalid` runs the clean-up below instead of drawing.
          if (ctx.isInvalid) return;
          readWith = profileRead;
          showInline(report, cards);
          tell(auditSummary(report), report.page.kind);
        },
        onError() {
          if (ctx.isInvalid) return;
          showInline(null);
          tell(FAILED_BADGE, 'unrecognised');
        },
      });
    };
    // Most Kartra pages are not a sequence: there the script only waits for the app to navigate
    // to one (no reading, no observer, no list memory), so it costs those pages next to nothing.
    let session: AuditSession | null = null;
    let listMemory: ListMemory = {};
    let unwatchList = () => {};
    const isAuditedPage = (url: string) => pageKindOf(url, profile) !== 'other';
    const begin = async () => {
      listMemory = await loadListMemory();
      if (session || ctx.isInvalid) return;
      session = startSession(listMemory);
      // The sequence list seen in another tab meanwhile.
      unwatchList = watchListMemory((memory) => session?.rememberList(memory));
    };
    if (isAuditedPage(location.href)) await begin();
    else {
      tellBackground({ badge: NO_BADGE, kind: 'other', newVisit: true });
      // Told as the navigation starts, before `location` shows the new address.
      ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
        if (!session && isAuditedPage(newUrl.href)) void begin();
      });
    }
    /** The report of a page that is not a sequence, made only when asked. */
    function idleResult(): Extract<AuditResult, { error: null }> {
      const page: PageModel = { kind: 'other', url: location.href };
      return { report: audit(page, { now: new Date(), tool, settings }), page, error: null };
    }

    // Settings and a profile override saved on the options page apply at once; a new profile
    // reads the page again from scratch.
    let changes = 0;
    const unwatchConfig = watchStoredConfig(() => {
      const change = ++changes;
      void loadConfig().then((next) => {
        if (change !== changes || ctx.isInvalid) return; // a later change is being loaded
        settings = next.settings;
        if (
          next.profileSource === profileSource &&
          JSON.stringify(next.profile) === JSON.stringify(profile)
        ) {
          session?.auditNow();
          return;
        }
        profile = next.profile;
        profileSource = next.profileSource;
        if (!session) return;
        session.stop();
        overlay?.destroy();
        overlay = null;
        session = startSession(listMemory);
      });
    });

    const stopListening = [
      listen('getReport', getReportRequest, (request) => {
        if (!session) return reportResponse(idleResult(), request);
        const result = request.withTimeline
          ? session.latestWithTimeline()
          : (session.latest() ?? session.auditNow());
        return reportResponse(result, request, session.inferredProfile());
      }),
      listen('locateStep', locateStepRequest, (ref) => {
        try {
          // With inline warnings off, the overlay is mounted empty just for the highlight.
          overlay ??= mountOverlay(window, () => readWith);
          return { found: overlay.locate(ref) };
        } catch (error) {
          console.error(LOG_PREFIX, 'locating a step failed:', error);
          return { found: false };
        }
      }),
      listen('exportStructure', noRequest, (): ExportStructureResponse => {
        try {
          const structure = exportStructure(document, profile, {
            url: location.href,
            tool,
            skipTag: EXTENSION_HOST_TAG,
          });
          return { structure, error: null };
        } catch (error) {
          console.error(LOG_PREFIX, 'exporting the page structure failed:', error);
          return { structure: null, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    ];

    // The extension was updated or reloaded: a newer copy of this script takes the page over
    // (WXT tells this one when it starts), or none will until the page reloads. Either way this
    // copy stops observing and takes its UI away, so the page never shows two overlays or a
    // stale one.
    ctx.onInvalidated(() => {
      session?.stop();
      overlay?.destroy();
      overlay = null;
      try {
        unwatchConfig();
        unwatchList();
        for (const stop of stopListening) stop();
      } catch {
        // An orphaned script's extension API may be gone already, and its listeners with it.
      }
    });
  },
});
