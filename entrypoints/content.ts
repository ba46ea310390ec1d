import { auditSummary } from '@/lib/audit';
import { startAuditSession } from '@/lib/extension/audit-session';
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

export default defineContentScript({
  matches: ['https://app.kartra.com/*'],
  async main() {
    const manifest = browser.runtime.getManifest();
    let settings = (await loadSettings()).settings;
    let overlay: Overlay | null = null;

    function showInline(report: Report): void {
      const wanted = settings.inlineWarnings && report.page.kind === 'editor';
      if (!wanted) {
        overlay?.destroy();
        overlay = null;
        return;
      }
      overlay ??= mountOverlay(window, kartraProfile);
      overlay.update(report);
    }

    const session = startAuditSession(window, {
      profile: kartraProfile,
      settings: () => settings,
      tool: { name: manifest.name, version: manifest.version },
      ownHost: () => document.querySelector(EXTENSION_HOST_TAG),
      onReport(report) {
        showInline(report);
        const message: ReportChangedMessage = { type: 'kartra-auditor:report-changed', badge: auditSummary(report) };
        // The worker may be asleep or reloading; the next audit sends again.
        browser.runtime.sendMessage(message).catch(() => {});
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
        // With inline warnings off, the overlay is mounted empty just for the highlight.
        overlay ??= mountOverlay(window, kartraProfile);
        const response: LocateStepResponse = { found: overlay.locate(message.ref) };
        return Promise.resolve(response);
      }
      return undefined;
    });
  },
});
