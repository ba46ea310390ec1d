import { isReportChangedMessage } from '@/lib/extension/messages';

// The toolbar badge per tab: errors (red), else warnings (amber), "?" when the editor could not
// be read, nothing elsewhere. Chrome forgets a tab's badge when the tab closes, so nothing is kept here.
export default defineBackground(() => {
  // What the sequence list showed is kept in session storage, which content scripts may use
  // only once the extension allows it (Chrome; Firefox before 129 has no such switch).
  void browser.storage.session
    ?.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })
    .catch(() => {});
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !isReportChangedMessage(message)) return undefined;
    void browser.action.setBadgeText({ tabId, text: message.badge.text });
    if (message.badge.color)
      void browser.action.setBadgeBackgroundColor({ tabId, color: message.badge.color });
    return undefined;
  });
});
