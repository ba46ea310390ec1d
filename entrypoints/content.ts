import { auditSummary } from '@/lib/audit';
import { LOG_PREFIX, startAuditSession } from '@/lib/extension/audit-session';
import {
  isGetReportMessage,
  isLocateStepMessage,
  type LocateStepResponse,
  type ReportChangedMessage,
  type ReportResponse,
} from '@/lib/extension/messages';
import { loadSettings, watchSettings } from '@/lib/extension/settings-store';
import { EXTENSION_HOST_TAG } from '@/lib/extension/ui-host';
import { kartraProfile } from '@/lib/kartra/profile';
import { mountOverlay, type Overlay } from '@/lib/overlay/mount-overlay';
import type { Report } from '@/lib/report';

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
    let settings = (await loadSettings()).settings;
    let overlay: Overlay | null = null;

    function showInline(report: Report | null): void {
      try {
        if (!report || !settings.inlineWarnings || report.page.kind !== 'editor') {
          overlay?.destroy();
          overlay = null;
          return;
        }
        overlay ??= mountOverlay(window, kartraProfile);
        overlay.update(report);
      } catch (error) {
        console.error(LOG_PREFIX, 'the inline warnings failed:', error);
      }
    }

    const session = startAuditSession(window, {
      profile: kartraProfile,
      settings: () => settings,
      tool: { name: manifest.name, version: manifest.version },
      ownHost: () => document.querySelector(EXTENSION_HOST_TAG),
      onReport(report) {
        showInline(report);
        tellBackground(auditSummary(report));
      },
      onError() {
        showInline(null);
        tellBackground(FAILED_BADGE);
      },
    });

    watchSettings((loaded) => {
      settings = loaded.settings;
      session.auditNow();
    });

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isGetReportMessage(message)) {
        const response: ReportResponse = session.latest() ?? session.auditNow();
        return Promise.resolve(response);
      }
      if (isLocateStepMessage(message)) {
        let found = false;
        try {
          // With inline warnings off, the overlay is mounted empty just for the highlight.
          overlay ??= mountOverlay(window, kartraProfile);
          found = overlay.locate(message.ref);
        } catch (error) {
          console.error(LOG_PREFIX, 'locating a step failed:', error);
        }
        const response: LocateStepResponse = { found };
        return Promise.resolve(response);
      }
      return undefined;
    });
  },
});
