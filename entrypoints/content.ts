import { auditSummary } from '@/lib/audit';
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
import { loadActiveProfile, watchActiveProfile } from '@/lib/extension/profile-store';
import { loadSettings, watchSettings } from '@/lib/extension/settings-store';
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
  async main(ctx) {
    const manifest = browser.runtime.getManifest();
    const [loadedSettings, active] = await Promise.all([loadSettings(), loadActiveProfile()]);
    let settings = loadedSettings.settings;
    if (active.notice) console.warn(LOG_PREFIX, active.notice);
    let profile = active.profile;
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
          // An orphan (the extension reloaded, no newer copy injected) finds out here, at its next
          // audit: reading `isInvalid` runs the clean-up below instead of drawing.
          if (ctx.isInvalid) return;
          showInline(report);
          tellBackground(auditSummary(report));
        },
        onError() {
          if (ctx.isInvalid) return;
          showInline(null);
          tellBackground(FAILED_BADGE);
        },
      });
    let session = startSession();

    // A profile override saved on the options page applies at once: read the page again with it.
    const unwatchProfile = watchActiveProfile((next) => {
      if (next.notice) console.warn(LOG_PREFIX, next.notice);
      profile = next.profile;
      session.stop();
      overlay?.destroy();
      overlay = null;
      session = startSession();
    });

    const unwatchSettings = watchSettings((loaded) => {
      settings = loaded.settings;
      session.auditNow();
    });

    const onMessage = (message: unknown) => {
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
        unwatchProfile();
        unwatchSettings();
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // An orphaned script's extension API may be gone already, and its listeners with it.
      }
    });
  },
});
