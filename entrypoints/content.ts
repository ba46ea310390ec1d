import { auditSummary } from '@/lib/audit';
import { startAuditSession } from '@/lib/extension/audit-session';
import { isGetReportMessage, type ReportChangedMessage, type ReportResponse } from '@/lib/extension/messages';
import { kartraProfile } from '@/lib/kartra/profile';
import { loadSettings, watchSettings } from '@/lib/extension/settings-store';

export default defineContentScript({
  matches: ['https://app.kartra.com/*'],
  async main() {
    const manifest = browser.runtime.getManifest();
    let settings = (await loadSettings()).settings;
    const session = startAuditSession(window, {
      profile: kartraProfile,
      settings: () => settings,
      tool: { name: manifest.name, version: manifest.version },
      onReport(report) {
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
      if (!isGetReportMessage(message)) return undefined;
      const response: ReportResponse = session.latest() ?? session.auditNow();
      return Promise.resolve(response);
    });
  },
});
