import { isGetConfigMessage } from '@/lib/extension/active-config';
import { loadActiveConfig } from '@/lib/extension/active-config-loader';
import { isReportChangedMessage } from '@/lib/extension/messages';

// The toolbar badge per tab: errors (red), else warnings (amber), "?" when the editor could not
// be read, nothing elsewhere. Chrome forgets a tab's badge when the tab closes, so nothing is kept here.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // The content script's settings and profile, validated here so that it carries no validator.
    if (isGetConfigMessage(message)) return loadActiveConfig();
    const tabId = sender.tab?.id;
    if (tabId === undefined || !isReportChangedMessage(message)) return undefined;
    void browser.action.setBadgeText({ tabId, text: message.badge.text });
    if (message.badge.color)
      void browser.action.setBadgeBackgroundColor({ tabId, color: message.badge.color });
    return undefined;
  });
});
