import { announcePage, askActiveConfig, warnNotices } from '@/lib/extension/content/ask-config';
import { AUDIT_MODULE_PATH, type AuditModule } from '@/lib/extension/content/audit-module';
import { isAuditedPage } from '@/lib/extension/content/audited-page';
import { LOG_PREFIX } from '@/lib/extension/content/log';
import type { ActiveConfig } from '@/lib/extension/messaging/active-config';
import { onMessage } from '@/lib/extension/messaging/messenger';

// The content script's loader (lib/extension/content/audit-module.ts). It tells the background
// the page opened (a new visit: no badge, the tab's earlier frames forgotten) and gets the
// profile. Most Kartra pages are not a sequence: there it answers the popup and waits for the app
// to navigate to a sequence; the reader, the rules and the overlay (the audit module) are
// imported only on a sequence page, so the other pages do not pay for evaluating them.
export default defineContentScript({
  matches: ['https://app.kartra.com/*'],
  // Kartra renders some builders inside frames of its own; the background picks the frame that holds one.
  allFrames: true,
  async main(ctx) {
    let loading: Promise<AuditModule> | null = null;
    // Imported into this script's isolated world, from the package (never the network).
    const auditModule = () =>
      (loading ??= import(/* @vite-ignore */ browser.runtime.getURL(AUDIT_MODULE_PATH)).then(
        (module: { default: AuditModule }) => module.default,
      ));
    const start = async (config: ActiveConfig) => {
      const audit = await auditModule();
      if (!ctx.isInvalid) await audit.start(ctx, config);
    };
    const failed = (error: unknown) => console.error(LOG_PREFIX, 'the audit could not start:', error);

    const config = warnNotices(await announcePage());
    if (isAuditedPage(location.href, config.profile)) {
      await start(config).catch(failed);
      return;
    }
    // The popup's report of this page: made by the audit module, so it is imported on this ask only.
    const stopIdleAnswers = onMessage('getReport', async ({ data }) =>
      (await auditModule()).answerIdle(data),
    );
    ctx.onInvalidated(() => {
      try {
        stopIdleAnswers();
      } catch {
        // An orphaned script's extension API may be gone already, and its listeners with it.
      }
    });
    let started = false;
    // Told as the navigation starts, before `location` shows the new address. The profile is
    // asked for again: an override saved since may recognise other addresses.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (started) return;
      void askActiveConfig().then(async (next) => {
        if (started || ctx.isInvalid || !isAuditedPage(newUrl.href, next.profile)) return;
        started = true;
        // The module answers from here on (it listens before its start resolves).
        await start(warnNotices(next)).then(stopIdleAnswers, failed);
      });
    });
  },
});
