import { withAccepted, withoutAccepted } from '@/lib/accepted/accepted';
import { NO_BADGE } from '@/lib/audit/badge';
import { loadActiveConfig } from '@/lib/extension/background/active-config-loader';
import { auditedFrame, withFrameAudit } from '@/lib/extension/background/tab-frames';
import { loadTabFrames, saveTabFrames } from '@/lib/extension/background/tab-frames-store';
import { watchStoredConfig } from '@/lib/extension/messaging/active-config';
import {
  acceptFindingRequest,
  forgetRequest,
  listen,
  noRequest,
  type ReportChanged,
  reportChangedRequest,
  restoreFindingRequest,
  type StoredChange,
  sendMessage,
} from '@/lib/extension/messaging/messages';
import { loadAccepted, saveAccepted } from '@/lib/extension/storage/accepted-store';
import { forgetKept } from '@/lib/extension/storage/forget-sequences';
import { updateHistory } from '@/lib/extension/storage/history-store';
import { loadListMemory, saveListMemory } from '@/lib/extension/storage/list-memory';
import { type SequenceOutcome, withListSeen, withOutcome } from '@/lib/history/history';
import { listMemorySchema } from '@/lib/visit/list-memory-schema';

// The toolbar badge per tab: errors (red), else warnings (amber), "?" when the editor could not
// be read, nothing elsewhere. A tab may hold the builder in a frame: each frame reports, and the
// badge shows the audit of the frame that holds the builder (lib/extension/background/tab-frames.ts).
export default defineBackground(() => {
  // Reports arrive in bursts from several frames; each one reads and writes the stored frames.
  let queue: Promise<void> = Promise.resolve();
  /** Runs `task` after the tasks before it; settles when it is done. */
  const later = (task: () => Promise<void>): Promise<void> => {
    const done = queue.then(task);
    queue = done.catch(() => {});
    return done;
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
    await browser.action.setTitle({ tabId, title: shown.title ?? browser.runtime.getManifest().name });
  }

  // A visit's outcome arrives only when it changed (the content script sends it so). Where the
  // editor shows no status, what the sequence list showed this browser session stands.
  async function recordOutcome(sent: SequenceOutcome): Promise<void> {
    const listSeen = Object.values(await loadListMemory());
    await updateHistory((history) => withListSeen(withOutcome(history, sent), listSeen));
  }

  /** Tells the content scripts of every tab that has reported (all its frames) what changed. */
  async function tell(what: StoredChange, except?: number): Promise<void> {
    // A tab navigated away from Kartra, or a script gone with an update: nobody to tell.
    for (const id of Object.keys(await loadTabFrames()).map(Number))
      if (id !== except) await sendMessage('storedChanged', what, id).catch(() => {});
  }

  // The content script's settings and profile, validated here so that it carries no validator.
  listen('getConfig', noRequest, () => loadActiveConfig());
  listen('pageOpened', noRequest, (_, sender) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined)
      later(() => record(tabId, sender.frameId ?? 0, { badge: NO_BADGE, kind: 'other', newVisit: true }));
    return loadActiveConfig();
  });
  watchStoredConfig(() => later(() => tell('config')));
  // What the sequence list showed, kept here in session storage (closed to content scripts).
  listen('getListMemory', noRequest, () => loadListMemory());
  listen('saveListMemory', listMemorySchema, (memory, sender) => {
    later(async () => {
      await saveListMemory(memory);
      await tell('listMemory', sender.tab?.id);
      // The names and statuses the list showed, for the sequences the history keeps.
      await updateHistory((history) => withListSeen(history, Object.values(memory)));
    });
  });
  // The one writer of the accepted findings; each request answered once stored.
  listen('acceptFinding', acceptFindingRequest, ({ sequenceId, finding, reason }) =>
    later(async () => {
      const { accepted } = await loadAccepted();
      await saveAccepted(withAccepted(accepted, sequenceId, finding, reason, new Date()));
    }),
  );
  listen('restoreFinding', restoreFindingRequest, ({ sequenceId, finding }) =>
    later(async () => {
      const { accepted } = await loadAccepted();
      await saveAccepted(withoutAccepted(accepted, sequenceId, finding));
    }),
  );
  // Answered once done, so the page that asked shows what is left.
  listen('forget', forgetRequest, (request) => later(() => forgetKept(request)));
  listen('reportChanged', reportChangedRequest, (report, sender) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) later(() => record(tabId, sender.frameId ?? 0, report));
    const { outcome } = report;
    if (outcome) later(() => recordOutcome(outcome));
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
