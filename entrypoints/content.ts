import { auditSummary } from '@/lib/audit';
import { type ActiveConfig, requestActiveConfig, watchStoredConfig } from '@/lib/extension/active-config';
import { LOG_PREFIX, startAuditSession } from '@/lib/extension/audit-session';
import { loadListMemory, saveListMemory, watchListMemory } from '@/lib/extension/list-memory';
import {
  type ExportStructureResponse,
  isExportStructureMessage,
  isGetReportMessage,
  isLocateStepMessage,
  type LocateStepResponse,
  type ReportChangedMessage,
  reportResponse,
} from '@/lib/extension/messages';
import { EXTENSION_HOST_TAG } from '@/lib/extension/ui-host';
import { mountOverlay, type Overlay } from '@/lib/overlay/mount-overlay';
import type { CardsRead } from '@/lib/reader/collect';
import type { Report } from '@/lib/report';
import { exportStructure } from '@/lib/structure-export';

const FAILED_BADGE = { text: '!', color: '#5f6368' };

function tellBackground(
  badge: ReportChangedMessage['badge'],
  kind: ReportChangedMessage['kind'],
  newVisit: boolean,
): void {
  const message: ReportChangedMessage = { type: 'kartra-auditor:report-changed', badge, kind, newVisit };
  // The worker may be asleep or reloading; the next audit sends again.
  browser.runtime.sendMessage(message).catch(() => {});
}

export default defineContentScript({
  matches: ['https://app.kartra.com/*'],
  // Kartra renders some builders inside frames of its own; the background picks the frame that holds one.
  allFrames: true,
  async main(ctx) {
    const manifest = browser.runtime.getManifest();
    const loadConfig = async (): Promise<ActiveConfig> => {
      const config = await requestActiveConfig((message) => browser.runtime.sendMessage(message));
      for (const notice of config.notices) console.warn(LOG_PREFIX, notice);
      return config;
    };
    const [config, listSeen] = await Promise.all([loadConfig(), loadListMemory()]);
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

    const startSession = () => {
      let newVisit = true;
      const tell = (badge: ReportChangedMessage['badge'], kind: ReportChangedMessage['kind']) => {
        tellBackground(badge, kind, newVisit);
        newVisit = false;
      };
      return startAuditSession(window, {
        profile,
        profileSource,
        settings: () => settings,
        tool: { name: manifest.name, version: manifest.version },
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
    let session = startSession();

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
          session.auditNow();
          return;
        }
        profile = next.profile;
        profileSource = next.profileSource;
        session.stop();
        overlay?.destroy();
        overlay = null;
        session = startSession();
      });
    });

    // The sequence list seen in another tab meanwhile.
    const unwatchList = watchListMemory((memory) => session.rememberList(memory));

    const onMessage = (message: unknown) => {
      if (isGetReportMessage(message)) {
        return Promise.resolve(
          reportResponse(session.latestWithTimeline(), message, session.inferredProfile()),
        );
      }
      if (isLocateStepMessage(message)) {
        let found = false;
        try {
          // With inline warnings off, the overlay is mounted empty just for the highlight.
          overlay ??= mountOverlay(window, () => readWith);
          found = overlay.locate(message.ref);
        } catch (error) {
          console.error(LOG_PREFIX, 'locating a step failed:', error);
        }
        const response: LocateStepResponse = { found };
        return Promise.resolve(response);
      }
      if (isExportStructureMessage(message)) {
        let response: ExportStructureResponse;
        try {
          const tool = { name: manifest.name, version: manifest.version };
          const structure = exportStructure(document, profile, {
            url: location.href,
            tool,
            skipTag: EXTENSION_HOST_TAG,
          });
          response = { structure, error: null };
        } catch (error) {
          console.error(LOG_PREFIX, 'exporting the page structure failed:', error);
          response = { structure: null, error: error instanceof Error ? error.message : String(error) };
        }
        return Promise.resolve(response);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    // The extension was updated or reloaded: a newer copy of this script takes the page over
    // (WXT tells this one when it starts), or none will until the page reloads. Either way this
    // copy stops observing and takes its UI away, so the page never shows two overlays or a
    // stale one.
    ctx.onInvalidated(() => {
      session.stop();
      overlay?.destroy();
      overlay = null;
      try {
        unwatchConfig();
        unwatchList();
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // An orphaned script's extension API may be gone already, and its listeners with it.
      }
    });
  },
});
