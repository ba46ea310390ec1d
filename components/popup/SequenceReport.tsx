import type { Report } from '@/lib/audit/report';
import { plural } from '@/lib/export/plural';
import { STATUS_WORDS } from '@/lib/export/report-view';
import type { KartraProfile } from '@/lib/kartra/profile';
import type { SequenceModel } from '@/lib/model/model';
import type { QuietHours } from '@/lib/time/quiet-hours';
import { AcceptedFindings, useAccepting } from './AcceptedFindings';
import { ChangesSince, useChangesSince } from './ChangesSince';
import type { StepMapSource } from './ExportBar';
import { FindingGroups } from './FindingGroups';
import { ReadingNotice } from './ReadingNotice';
import { TaughtNotice, useTeaching } from './ReviewCauses';
import { RunOrder } from './RunOrder';
import { TestAddress } from './TestAddress';
import { useLoadedLater } from './use-loaded-later';

// Below the findings, and half of the popup's code: loaded once the counts are on screen.
const loadTimelineSection = () => import('./TimelineSection').then((m) => m.TimelineSection);
const loadExportBar = () => import('./ExportBar').then((m) => m.ExportBar);

export interface SequenceReportProps {
  report: Report;
  /** The visit the report is of (when the page's audit session started); null when not said. */
  visit: string | null;
  /** Set when the page was read with a profile inferred from it. */
  inferredProfile?: KartraProfile | null;
  testAddress: string;
  onLocate: (ref: string) => void;
  locateStatus: string | null;
  quietHours: QuietHours;
  /** The options' "Prepared by", for the client report's cover. */
  preparedBy: string;
  /** The account's zone from the settings (null: the browser's); undefined until they are loaded. */
  accountTimeZone: string | null | undefined;
  /** The page model the report was made from, asked for again (the timeline's entry moment). */
  loadSequence: () => Promise<SequenceModel | null>;
  /** The report and page model of one fresh audit, for the step map; null when the page did not answer. */
  loadStepMap?: () => Promise<StepMapSource | null>;
  /** Set on the first paint's report, which lacks the findings of the groups drawn closed. */
  heldBack?: boolean;
}

/** The popup on a sequence's builder. */
export function SequenceReport({
  report,
  visit,
  inferredProfile = null,
  testAddress,
  onLocate,
  locateStatus,
  quietHours,
  preparedBy,
  accountTimeZone,
  loadSequence,
  loadStepMap,
  heldBack = false,
}: SequenceReportProps) {
  const TimelineSection = useLoadedLater(loadTimelineSection);
  const ExportBar = useLoadedLater(loadExportBar);
  const teaching = useTeaching();
  const timeline = report.timeline ?? null;
  const sequence = report.sequence;
  const accepting = useAccepting(sequence?.id ?? null);
  const changes = useChangesSince(heldBack ? null : report, visit);
  const { error, warning, info, review } = report.counts;
  const clean = error + warning + review === 0;
  return (
    <>
      <header class="sequence">
        <h2 class="sequence__name">{sequence?.name ?? 'Unnamed sequence'}</h2>
        <p class="sequence__meta">
          <span class={`status status--${sequence?.status ?? 'unknown'}`}>
            {sequence?.status ? STATUS_WORDS[sequence.status] : 'Status not shown'}
          </span>
          {sequence?.subscribers != null && (
            <span>
              {' · '}
              {sequence.subscribers} contact{sequence.subscribers === 1 ? '' : 's'} in it
            </span>
          )}
        </p>
        <p class="counts">
          <span class="count count--error">{plural(error, 'error')}</span>
          <span class="count count--warning">{plural(warning, 'warning')}</span>
          <span class="count count--info">{plural(info, 'tip')}</span>
          {review > 0 && <span class="count count--review">{review} to review</span>}
          {report.accepted && <span class="count count--accepted">{report.accepted.length} accepted</span>}
        </p>
        <ChangesSince changes={changes} />
      </header>
      {report.coverage.reading?.profile === 'inferred' && (
        <ReadingNotice reading={report.coverage.reading} inferredProfile={inferredProfile} />
      )}
      {clean && <p class="clean">No errors or warnings on the tabs audited.</p>}
      <p class="status-line" role="status">
        {locateStatus}
      </p>
      <TaughtNotice teaching={teaching} />
      {accepting.said && (
        <p class="notice" role="status">
          {accepting.said}
        </p>
      )}
      <FindingGroups
        findings={report.findings}
        heldBack={heldBack ? report.counts : null}
        onLocate={onLocate}
        onTeach={teaching.teach}
        {...(sequence ? { onAccept: accepting.accept } : {})}
      />
      <AcceptedFindings accepted={report.accepted ?? []} onRestore={accepting.restore} />
      {report.runOrder.length > 0 && <RunOrder refs={report.runOrder} />}
      {report.sequence && TimelineSection && (
        <TimelineSection
          reported={timeline}
          auditedAt={Date.parse(report.generatedAt)}
          accountTimeZone={accountTimeZone}
          quiet={quietHours}
          loadSequence={loadSequence}
          onLocate={onLocate}
        />
      )}
      <section aria-label="Coverage">
        <h2 class="section-title">Coverage</h2>
        <p>Tabs audited: {report.coverage.tabsAudited.join(', ') || 'none'}</p>
        {report.coverage.reading && report.coverage.reading.profile !== 'inferred' && (
          <ReadingNotice reading={report.coverage.reading} inferredProfile={null} />
        )}
        {report.coverage.tabsNotSeen.length > 0 && (
          <p>
            Not yet opened: {report.coverage.tabsNotSeen.join(', ')}. Open each tab in the builder to audit
            it.
          </p>
        )}
      </section>
      {sequence && <TestAddress address={testAddress} sequenceId={sequence.id} />}
      {ExportBar && !heldBack && (
        <ExportBar
          report={changes ? { ...report, changes } : report}
          quietHours={quietHours}
          preparedBy={preparedBy}
          loadStepMap={loadStepMap}
        />
      )}
      <p class="tool-version">
        {report.tool.name} {report.tool.version}
      </p>
    </>
  );
}
