import { useEffect, useState } from 'preact/hooks';
import type { ReportResponse } from '@/lib/extension/messages';
import type { Report } from '@/lib/report';
import { ReportView } from './ReportView';

type State =
  | { status: 'loading' }
  | { status: 'ready'; report: Report }
  | { status: 'no-page' }
  | { status: 'error'; message: string };

/** The tab to report on: `?tabId=N` (tests open the popup for a given tab), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function Popup() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setState({ status: 'no-page' });
      try {
        const response = (await browser.tabs.sendMessage(tabId, { type: 'kartra-auditor:get-report' })) as
          | ReportResponse
          | undefined;
        setState(response?.report ? { status: 'ready', report: response.report } : { status: 'no-page' });
      } catch {
        // No content script answers outside app.kartra.com.
        setState({ status: 'no-page' });
      }
    })();
  }, []);

  return (
    <main class="popup">
      <h1 class="popup__title">Kartra Sequence Auditor</h1>
      {state.status === 'loading' && <p>Reading the page…</p>}
      {state.status === 'no-page' && (
        <p>
          Open a sequence in Kartra (Marketing › Sequences › Edit) and click the toolbar icon again to audit it.
        </p>
      )}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && <ReportView report={state.report} />}
    </main>
  );
}
