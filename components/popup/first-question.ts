import { askTopFrame } from '@/lib/extension/messaging/ask-top-frame';

export interface FirstQuestion {
  /** The tab the popup reports on; undefined when there is none. */
  tabId: number | undefined;
  /** Its top frame's answer to getReport, not validated yet; null when there is no tab. */
  early: Promise<unknown> | null;
}

/** The tab to report on: `?tabId=N` (tests open the popup for a given tab), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The popup's first question, asked before its first render: the answer travels while the popup
 * draws its first frame. The views and the schemas that validate the answer load with the page,
 * not after the question: the HTML's module preloads fetch them beside the parse, where a dynamic
 * import would queue them after it (10 ms of the popup's 80 on 1,000 steps).
 */
export async function askFirst(): Promise<FirstQuestion> {
  const tabId = await targetTabId();
  return {
    tabId,
    early:
      tabId === undefined ? null : askTopFrame(tabId, 'getReport', { withPage: false, withTimeline: false }),
  };
}
