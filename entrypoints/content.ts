import { announcePage, askActiveConfig, warnNotices } from '@/lib/extension/content/ask-config';
import { AUDIT_MODULE_PATH, type AuditModule } from '@/lib/extension/content/audit-module';
import { isAuditedPage } from '@/lib/extension/content/audited-page';
import { LOG_PREFIX } from '@/lib/extension/content/log';
import type { ActiveConfig } from '@/lib/extension/messaging/active-config';

// The content script's loader (lib/extension/content/audit-module.ts). It tells the background
// the page opened (a new visit: no badge, the tab's earlier frames forgotten) and gets the
// profile. Most Kartra pages are not a sequence: there it only waits for the app to navigate to
// one. The reader, the rules and the overlay (the audit module) are imported only on a sequence
// page, so the other pages do not pay for evaluating them; the popup, finding no content script
// to answer it there, says how to open a sequence.
export default defineContentScript({
  matches: ['https://app.kartra.com/*'],
  // Kartra renders some builders inside frames of its own; the background picks the frame that holds one.
  allFrames: true,
  async main(ctx) {
    let started = false;
    const failed = (error: unknown) => console.error(LOG_PREFIX, 'the audit could not start:', error);
    /** Starts the audit when `url` is a page the profile recognises; says whether it did. */
    const startIf = async (url: string, config: ActiveConfig): Promise<boolean> => {
      if (started || ctx.isInvalid || !isAuditedPage(url, config.profile)) return false;
      started = true;
      // Imported into this script's isolated world, from the package (never the network).
      const audit: AuditModule = (await import(/* @vite-ignore */ browser.runtime.getURL(AUDIT_MODULE_PATH)))
        .default;
      if (!ctx.isInvalid) await audit.start(ctx, config);
      return true;
    };
    // Told as the navigation starts, before `location` shows the new address; listened to before
    // the first question, so a navigation while it is asked is not missed. The profile is asked for
    // again: an override saved since may recognise other addresses.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (started) return;
      void askActiveConfig().then(async (next) => {
        if (await startIf(newUrl.href, next).catch(failed)) warnNotices(next);
      });
    });
    await startIf(location.href, warnNotices(await announcePage())).catch(failed);
  },
});
