import { loadActiveConfig } from '@/lib/extension/active-config-loader';
import { listen, noRequest, type ReportChanged, reportChangedRequest } from '@/lib/extension/messages';
import { auditedFrame, withFrameAudit } from '@/lib/extension/tab-frames';
import { loadTabFrames, saveTabFrames } from '@/lib/extension/tab-frames-store';

// The toolbar badge per tab: errors (red), else warnings (amber), "?" when the editor could not
// be read, nothing elsewhere. A tab may hold the builder in a frame: each frame reports, and the
// badge shows the audit of the frame that holds the builder (lib/extension/tab-frames.ts).
export default defineBackground(() => {
  // Reports arrive in bursts from several frames; each one reads and writes the stored frames.
  let queue: Promise<void> = Promise.resolve();
  const later = (task: () => Promise<void>) => {
    queue = queue.then(task).catch(() => {});
  };

  async function record(tabId: number, frameId: number, message: ReportChanged): Promise<void> {
    const all = await loadTabFrames();
    const frames = withFrameAudit(
      all[String(tabId)],
      frameId,
      { kind: message.kind, badge: message.badge },
      message.newVisit,
    );
    await saveTabFrames({ ...all, [String(tabId)]: frames });
    const shown = frames[String(auditedFrame(frames) ?? frameId)]?.badge ?? message.badge;
    await browser.action.setBadgeText({ tabId, text: shown.text });
    if (shown.color) await browser.action.setBadgeBackgroundColor({ tabId, color: shown.color });
  }

  // What the sequence list showed is kept in session storage, which content scripts may use
  // only once the extension allows it (Chrome; Firefox before 129 has no such switch).
  void browser.storage.session
    ?.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })
    .catch(() => {});
  // The content script's settings and profile, validated here so that it carries no validator.
  listen('getConfig', noRequest, () => loadActiveConfig());
  listen('reportChanged', reportChangedRequest, (report, sender) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) later(() => record(tabId, sender.frameId ?? 0, report));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    later(async () => {
      const all = await loadTabFrames();
      if (!(String(tabId) in all)) return;
      const { [String(tabId)]: _gone, ...rest } = all;
      // Nothing left behind once the last audited tab closes.
      await saveTabFrames(rest);
    });
  });
});
