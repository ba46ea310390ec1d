import { auditSummary } from '@/lib/audit';
import { type ActiveConfig, requestActiveConfig, watchStoredConfig } from '@/lib/extension/active-config';
import { LOG_PREFIX, startAuditSession } from '@/lib/extension/audit-session';
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
import type { Report } from '@/lib/report';
import { exportStructure } from '@/lib/structure-export';

const FAILED_BADGE = { text: '!', color: '#5f6368' };

function tellBackground(badge: ReportChangedMessage['badge']): void {
  const message: ReportChangedMessage = { type: 'kartra-auditor:report-changed', badge };
  // The worker may be asleep or reloading; the next audit sends again.
  browser.runtime.sendMessage(message).catch(() => {});
}

export default defineContentScript({
  matches: ['https://app.kartra.com/*'],
  async main() {
    const manifest = browser.runtime.getManifest();
    const loadConfig = async (): Promise<ActiveConfig> => {
      const config = await requestActiveConfig((message) => browser.runtime.sendMessage(message));
      for (const notice of config.notices) console.warn(LOG_PREFIX, notice);
      return config;
    };
    const config = await loadConfig();
    let settings = config.settings;
    let profile = config.profile;
    let overlay: Overlay | null = null;

    function showInline(report: Report | null): void {
      try {
        if (!report || !settings.inlineWarnings || report.page.kind !== 'editor') {
          overlay?.destroy();
          overlay = null;
          return;
        }
        overlay ??= mountOverlay(window, profile);
        overlay.update(report);
      } catch (error) {
        console.error(LOG_PREFIX, 'the inline warnings failed:', error);
      }
    }

    const startSession = () =>
      startAuditSession(window, {
        profile,
        settings: () => settings,
        tool: { name: manifest.name, version: manifest.version },
        // The overlay's host (a search of the whole canvas on every mutation batch would cost more).
        ownHost: () => overlay?.host ?? null,
        onReport(report) {
          showInline(report);
          tellBackground(auditSummary(report));
        },
        onError() {
          showInline(null);
          tellBackground(FAILED_BADGE);
        },
      });
    let session = startSession();

    // Settings and a profile override saved on the options page apply at once; a new profile
    // reads the page again from scratch.
    let changes = 0;
    watchStoredConfig(() => {
      const change = ++changes;
      void loadConfig().then((next) => {
        if (change !== changes) return; // a later change is being loaded
        settings = next.settings;
        if (JSON.stringify(next.profile) === JSON.stringify(profile)) {
          session.auditNow();
          return;
        }
        profile = next.profile;
        session.stop();
        overlay?.destroy();
        overlay = null;
        session = startSession();
      });
    });

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isGetReportMessage(message)) {
        return Promise.resolve(reportResponse(session.latest() ?? session.auditNow(), message));
      }
      if (isLocateStepMessage(message)) {
        let found = false;
        try {
          // With inline warnings off, the overlay is mounted empty just for the highlight.
          overlay ??= mountOverlay(window, profile);
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
    });
  },
});
