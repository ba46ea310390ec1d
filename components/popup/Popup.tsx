import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Report } from '@/lib/audit/report';
import {
  askAuditedFrame,
  askReportInTwo,
  InvalidAnswerError,
} from '@/lib/extension/messaging/ask-audited-frame';
import type { ReportResponse } from '@/lib/extension/messaging/content-answers';
import { listen, reportChangedRequest } from '@/lib/extension/messaging/messages';
import { loadSettings } from '@/lib/extension/storage/settings-store';
import type { KartraProfile } from '@/lib/kartra/profile';
import type { SequenceModel } from '@/lib/model/model';
import { DEFAULT_QUIET_HOURS, type QuietHours } from '@/lib/time/quiet-hours';
import { timelinePending } from '@/lib/timeline/pending';
import { OpenOverview } from '../OpenOverview';
import type { StepMapSource } from './ExportBar';
import { drawnClosed } from './FindingGroups';
import type { FirstQuestion } from './first-question';
import { ListReport } from './ListReport';
import { SequenceReport } from './SequenceReport';
import { StructureExport } from './StructureExport';
import { loadSequenceHistory } from './sequence-history';

type State =
  | { status: 'loading' }
  | {
      status: 'ready';
      report: Report;
      /** The visit the report is of, for "what changed since" (null when the page names none). */
      visit: string | null;
      diagnostics: number;
      inferredProfile: KartraProfile | null;
      /**
       * Set while the report lacks the findings of the groups drawn closed (the first paint's):
       * validates them and gives the whole answer. Nothing uses the report whole until then.
       */
      complete: (() => ReportResponse) | null;
    }
  | { status: 'no-page' }
  | { status: 'error'; message: string };

/** The extension's own failure on the page, as the popup says it. */
const ownProblem = (reason: string): State => ({
  status: 'error',
  message: `The auditor hit a problem of its own on this page (${reason}). Kartra's builder is not affected; reload the page to try again.`,
});

/** An answer as the popup's state; `complete` set when some of its findings are held back. */
function stateOf(response: ReportResponse, complete: (() => ReportResponse) | null = null): State {
  if (response.error !== null) return ownProblem(response.error);
  return {
    status: 'ready',
    report: response.report,
    visit: response.visit,
    diagnostics: response.diagnostics,
    inferredProfile: response.inferredProfile,
    complete,
  };
}

/** A failed question as the popup's state: no content script answers outside app.kartra.com. */
const failed = (error: unknown): State =>
  error instanceof InvalidAnswerError ? ownProblem(error.message) : { status: 'no-page' };

/** The tab's latest audit as the popup's state: a report, the extension's own failure, or no page. */
function fetchState(tabId: number, withTimeline = false): Promise<State> {
  return askAuditedFrame(tabId, 'getReport', { withPage: false, withTimeline }).then(
    (response) => stateOf(response),
    failed,
  );
}

/**
 * The first answer, for the first paint: the findings of the groups drawn closed are validated
 * just after it (see `complete`), so a long report's counts show sooner.
 */
function fetchFirstState(tabId: number, early: Promise<unknown> | null): Promise<State> {
  return askReportInTwo(tabId, { withPage: false, withTimeline: false }, drawnClosed, early).then(
    ({ first, heldBack, complete }) => stateOf(first, heldBack > 0 ? complete : null),
    failed,
  );
}

/**
 * `first`: the report already asked for (entrypoints/popup/main.tsx asks before the first render,
 * so the question does not wait for the first paint as an effect would); validated here.
 */
export function Popup({ first }: { first: Promise<FirstQuestion> }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [testAddress, setTestAddress] = useState('');
  const [preparedBy, setPreparedBy] = useState('');
  const [quietHours, setQuietHours] = useState<QuietHours>(() => ({ ...DEFAULT_QUIET_HOURS }));
  // The account's zone as the settings name it (null: the browser's); undefined until loaded.
  const [accountTimeZone, setAccountTimeZone] = useState<string | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [locateStatus, setLocateStatus] = useState<string | null>(null);

  // A layout effect runs right after the first render; a plain effect would wait for a frame.
  useLayoutEffect(() => {
    void loadSettings().then((loaded) => {
      setTestAddress(loaded.settings.testAddress);
      setPreparedBy(loaded.settings.preparedBy);
      setQuietHours(loaded.settings.quietHours);
      setAccountTimeZone(loaded.settings.accountTimeZone);
      setNotice(loaded.notice);
    });
    void first.then(async ({ tabId, early }) => {
      setTabId(tabId);
      setState(tabId === undefined ? { status: 'no-page' } : await fetchFirstState(tabId, early));
    });
  }, [first]);

  // The content script re-audits as the builder changes; follow it while the popup is open.
  useEffect(() => {
    if (tabId === undefined) return;
    return listen('reportChanged', reportChangedRequest, (_report, sender) => {
      if (sender.tab?.id === tabId) void fetchState(tabId, true).then(setState);
    });
  }, [tabId]);

  const locate = async (ref: string) => {
    if (tabId === undefined) return;
    const response = await askAuditedFrame(tabId, 'locateStep', ref).catch(() => null);
    const where = ref === 'start' ? 'The Starting Rules module' : `Step ${ref}`;
    setLocateStatus(
      response?.found
        ? `${where} is highlighted in the builder.`
        : `${where} is not on the builder's screen${/^[A-Z]/.test(ref) ? `: open tab ${ref[0]}` : ''}.`,
    );
  };

  // The page model is large (300 KB on 1,000 steps): asked for only when the timeline needs it.
  const loadSequence = async (): Promise<SequenceModel | null> => {
    if (tabId === undefined) return null;
    const response = await askAuditedFrame(tabId, 'getReport', { withPage: true }).catch(() => null);
    return response?.page?.kind === 'editor' ? response.page.sequence : null;
  };

  // The step map needs the model's cards beside the report's run order: both from one audit, so
  // they describe the same builder even if it changed since the popup opened. Its boxes are
  // compared with the last complete audit of another visit: the page says which visit it is, as
  // the history may not hold this visit's outcome yet.
  const loadStepMap = async (): Promise<StepMapSource | null> => {
    if (tabId === undefined) return null;
    const response = await askAuditedFrame(tabId, 'getReport', { withPage: true, withTimeline: true }).catch(
      () => null,
    );
    if (!response?.report || response.page?.kind !== 'editor' || response.visit === null) return null;
    const { report, visit } = response;
    const sequence = response.page.sequence;
    const { logic, outcomes } = await loadSequenceHistory(sequence.id);
    return { report, sequence, last: logic.lastStepMap(outcomes, { visit, at: report.generatedAt }) };
  };

  const report = state.status === 'ready' ? state.report : null;
  const complete = state.status === 'ready' ? state.complete : null;
  // After the first paint (an effect runs after it), before anything uses the report whole.
  useEffect(() => {
    if (!complete) return;
    let next: State;
    try {
      next = stateOf(complete());
    } catch (error) {
      next = failed(error);
    }
    setState((current) => (current.status === 'ready' && current.complete === complete ? next : current));
  }, [complete]);
  // The first answer carries no timeline (its counts paint sooner); the builder's comes next.
  const waitingForTimeline = report !== null && complete === null && timelinePending(report);
  useEffect(() => {
    if (tabId === undefined || !waitingForTimeline) return;
    let current = true;
    void fetchState(tabId, true).then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [tabId, waitingForTimeline]);
  // An unrecognised or partly read builder: what the maintainers need to fix the profile.
  const partlyRead =
    state.status === 'ready' &&
    state.report.page.kind === 'editor' &&
    (state.report.counts.review > 0 ||
      state.diagnostics > 0 ||
      state.report.coverage.reading?.profile === 'inferred');
  const manifest = browser.runtime.getManifest();
  return (
    <main class="popup">
      <h1 class="popup__title">Kartra Sequence Auditor</h1>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      {state.status === 'loading' && <p>Reading the page…</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {(state.status === 'no-page' || report?.page.kind === 'other') && (
        <p>
          Open a sequence in Kartra (Marketing › Sequences, then Edit) and click the toolbar icon again to
          audit it.
        </p>
      )}
      {report?.page.kind === 'unrecognised' && (
        <section class="unrecognised">
          <h2 class="section-title">This builder page could not be read</h2>
          <p>
            The auditor did not recognise Kartra's sequence builder here, so it cannot tell whether this
            sequence has problems. Nothing was checked.
          </p>
          <ul>
            {report.coverage.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <StructureExport tabId={tabId} />
        </section>
      )}
      {report?.page.kind === 'list' && <ListReport report={report} />}
      {report?.page.kind === 'editor' && (
        <SequenceReport
          report={report}
          visit={state.status === 'ready' ? state.visit : null}
          inferredProfile={state.status === 'ready' ? state.inferredProfile : null}
          testAddress={testAddress}
          onLocate={locate}
          locateStatus={locateStatus}
          quietHours={quietHours}
          preparedBy={preparedBy}
          accountTimeZone={accountTimeZone}
          loadSequence={loadSequence}
          loadStepMap={loadStepMap}
          heldBack={complete !== null}
        />
      )}
      {partlyRead && <StructureExport tabId={tabId} />}
      {report?.page.kind !== 'editor' && (
        <p class="tool-version">
          {manifest.name} {manifest.version}
        </p>
      )}
      <p>
        <OpenOverview />
      </p>
    </main>
  );
}
